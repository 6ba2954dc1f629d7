import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { allocate } from "./money.js";

const amounts = (total: bigint, weights: bigint[], currency = "USD") =>
  allocate({ amountMinor: total, currency }, weights).map((m) => m.amountMinor);

const totals = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
// Some weights repeated on purpose: equal weights tie on their remainders, which is where the leftover rule matters.
const weightLists = fc
  .array(fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.constantFrom(1n, 3n, 7n)), { minLength: 1, maxLength: 12 })
  .filter((ws) => ws.some((w) => w > 0n));

const sumOf = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
const abs = (x: bigint) => (x < 0n ? -x : x);

/** Each part's floor of its exact share, remainder (in 1/sum units) and whether it got a leftover unit, for |total|. */
function shares(total: bigint, weights: bigint[]) {
  const sum = sumOf(weights);
  const amount = abs(total);
  const parts = amounts(amount, weights);
  return weights.map((w, i) => ({ floor: (amount * w) / sum, remainder: (amount * w) % sum, bumped: parts[i]! - (amount * w) / sum }));
}

describe("allocate: the classic vectors", () => {
  it("100 over three equal parts is 34, 33, 33 (the first takes the leftover cent)", () => {
    expect(amounts(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
  });

  it("5 over 70/30 is 4 and 1; over 30/70 it is 2 and 3 (equal remainders: the first takes it)", () => {
    expect(amounts(5n, [70n, 30n])).toEqual([4n, 1n]);
    expect(amounts(5n, [30n, 70n])).toEqual([2n, 3n]);
  });

  it("keeps the currency, gives zero weights nothing, and refuses no parts, negative weights and all-zero weights", () => {
    expect(allocate({ amountMinor: 7n, currency: "JPY" }, [0n, 2n, 0n])).toEqual([
      { amountMinor: 0n, currency: "JPY" },
      { amountMinor: 7n, currency: "JPY" },
      { amountMinor: 0n, currency: "JPY" },
    ]);
    for (const weights of [[], [1n, -1n], [0n, 0n]]) {
      expect(() => amounts(10n, weights), weights.join(",")).toThrowError(
        expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
      );
    }
  });
});

describe("allocate: properties", () => {
  it("parts sum exactly to the total", () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        expect(sumOf(amounts(total, weights))).toBe(total);
      }),
    );
  });

  it("each part is within one minor unit of its exact share (strictly: |part·Σw − total·w| < Σw)", () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const sum = sumOf(weights);
        amounts(total, weights).forEach((part, i) => expect(abs(part * sum - total * weights[i]!) < sum).toBe(true));
      }),
    );
  });

  it("the leftover units go to the largest remainders, one each, ties to the earlier part", () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const s = shares(total, weights);
        const left = abs(total) - sumOf(s.map((x) => x.floor));
        expect(BigInt(s.filter((x) => x.bumped === 1n).length)).toBe(left);
        s.forEach((x, i) => {
          expect([0n, 1n]).toContain(x.bumped);
          if (x.bumped === 1n) expect(x.remainder > 0n).toBe(true);
          s.forEach((y, j) => {
            if (x.bumped !== 1n || y.bumped !== 0n) return;
            expect(x.remainder > y.remainder || (x.remainder === y.remainder && i < j)).toBe(true);
          });
        });
      }),
    );
  });

  it("is order independent: reordering the weights reorders the parts, up to which of equal remainders takes a unit", () => {
    fc.assert(
      fc.property(
        totals,
        weightLists.chain((ws) =>
          fc.tuple(
            fc.constant(ws),
            fc.shuffledSubarray(
              ws.map((_, i) => i),
              { minLength: ws.length, maxLength: ws.length },
            ),
          ),
        ),
        (total, [weights, order]) => {
          const before = shares(total, weights);
          const after = shares(
            total,
            order.map((i) => weights[i]!),
          );
          order.forEach((from, to) => {
            expect(after[to]!.floor).toBe(before[from]!.floor);
            expect(after[to]!.remainder).toBe(before[from]!.remainder);
          });
          // Within each group of equal remainders, the same number of parts take a unit.
          const bumpsByRemainder = (s: typeof before) => {
            const counts = new Map<bigint, number>();
            for (const x of s) counts.set(x.remainder, (counts.get(x.remainder) ?? 0) + Number(x.bumped));
            return [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
          };
          expect(bumpsByRemainder(after)).toEqual(bumpsByRemainder(before));
          // With no tied remainders it is exactly the reordered result.
          if (new Set(before.map((x) => x.remainder)).size === before.length) {
            const parts = amounts(total, weights);
            expect(
              amounts(
                total,
                order.map((i) => weights[i]!),
              ),
            ).toEqual(order.map((i) => parts[i]));
          }
        },
      ),
    );
  });

  it("allocates a negative amount as the mirror of the positive one: every part ≤ 0", () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const negative = amounts(-abs(total), weights);
        expect(negative).toEqual(amounts(abs(total), weights).map((p) => -p));
        negative.forEach((p) => expect(p <= 0n).toBe(true));
      }),
    );
  });
});
