// Test support only: a small seeded PRNG (mulberry32), so a generated history is the same on every
// run and a failing seed can be replayed.
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** Minor units in [min, max]; `skew` > 1 leans towards the low end, as most purchases do. */
  minor(min: bigint, max: bigint, skew = 1): bigint {
    let draw = this.next();
    for (let i = 1; i < skew; i++) draw = Math.min(draw, this.next());
    return min + BigInt(Math.floor(draw * Number(max - min + 1n)));
  }
}
