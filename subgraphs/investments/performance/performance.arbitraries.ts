// Test support only: values, growth factors and dated flows. Checks evaluate with decimal.js at 40
// digits, not with the solver's floats, so the two cannot share a rounding mistake.
import { Decimal } from "decimal.js";
import fc from "fast-check";

const Check = Decimal.clone({ precision: 40 });
const DAY_MS = 86_400_000;
export const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const dayOfIso = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const FIRST_DAY = Date.UTC(1990, 0, 1) / DAY_MS;

/** Amounts with cents, 0.01..10⁹. */
export const someValue = fc.bigInt({ min: 1n, max: 100_000_000_000n }).map((cents) => new Check(cents.toString()).div(100));
/** Growth over a sub-period, 0.2..3, with six decimals. */
export const someFactor = fc.integer({ min: 200_000, max: 3_000_000 }).map((millionths) => new Check(millionths).div(1_000_000));
export const someDay = fc.integer({ min: FIRST_DAY, max: FIRST_DAY + 100 * 365 });

/**
 * Contributions on random days and one final withdrawal sized so that the flows' IRR is `rate`:
 * the final flow is every contribution grown at `rate` to its day, to 40 digits. One change of
 * sign, so that rate is the only one.
 */
export const flowsWithRate = fc
  .record({
    start: someDay,
    rate: fc.integer({ min: -900, max: 5_000 }).map((permille) => permille / 1000),
    contributions: fc.array(fc.tuple(fc.integer({ min: 0, max: 3_000 }), someValue), { minLength: 1, maxLength: 6 }),
    lastDay: fc.integer({ min: 3_001, max: 6_000 }),
  })
  .map(({ start, rate, contributions, lastDay }) => {
    const growth = new Check(1 + rate);
    const final = contributions.reduce(
      (total, [day, amount]) => total.plus(amount.times(growth.pow(new Check(lastDay - day).div(365)))),
      new Check(0),
    );
    return {
      rate,
      flows: [
        ...contributions.map(([day, amount]) => ({ date: isoOfDay(start + day), amount: amount.negated() })),
        { date: isoOfDay(start + lastDay), amount: final },
      ],
    };
  });

/** Any dated flows, both signs, up to ten years apart. */
export const anyFlows = fc.array(
  fc
    .tuple(
      someDay.map((day) => isoOfDay(day)),
      someValue,
      fc.boolean(),
    )
    .map(([date, amount, out]) => ({ date, amount: out ? amount.negated() : amount })),
  { minLength: 2, maxLength: 8 },
);

/** Σ amount / (1 + rate)^(days / 365), in decimals, days from the earliest flow. */
export function presentValueAt(flows: readonly { date: string; amount: Decimal }[], rate: Decimal.Value): Decimal {
  const first = Math.min(...flows.map((f) => dayOfIso(f.date)));
  const growth = new Check(1).plus(rate);
  return flows.reduce(
    (total, f) => total.plus(new Check(f.amount).div(growth.pow(new Check(dayOfIso(f.date) - first).div(365)))),
    new Check(0),
  );
}

/**
 * Σ amount · e^(−g · days / 365): the present value at the rate r = e^g − 1, for rates so close to
 * −100 % that 1 + r cannot be written at 40 digits (a root at −1 + 10⁻¹⁷⁰ is within reach).
 */
export function presentValueAtLogGrowth(flows: readonly { date: string; amount: Decimal }[], logGrowth: number): Decimal {
  const first = Math.min(...flows.map((f) => dayOfIso(f.date)));
  return flows.reduce(
    (total, f) =>
      total.plus(
        new Check(f.amount).times(
          new Check(-logGrowth)
            .times(dayOfIso(f.date) - first)
            .div(365)
            .exp(),
        ),
      ),
    new Check(0),
  );
}
