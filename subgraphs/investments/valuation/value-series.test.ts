import { describe, expect, it } from "vitest";

import { ATTO_PER_UNIT } from "../quantities/index.js";
import { dayNumber, dayString } from "./day-numbers.js";
import { type SeriesInput, valueSeries } from "./value-series.js";

const d = dayNumber;
const units = (n: bigint) => n * ATTO_PER_UNIT;
const history = (days: number[], closes: bigint[]) => ({ days, closes, numbers: closes.map(Number) });
const point = (date: string, atto: bigint) => ({ day: d(date), atto, units: atto % ATTO_PER_UNIT === 0n ? atto / ATTO_PER_UNIT : null });

function input(overrides: Partial<SeriesInput>): SeriesInput {
  return {
    currency: "USD",
    firstDay: d("2025-01-01"),
    lastDay: d("2025-01-05"),
    holdings: [],
    prices: new Map(),
    cash: [],
    channels: [],
    rates: new Map(),
    ...overrides,
  };
}

describe("valueSeries", () => {
  it("values each day at the latest close on or before it, as quantities change", () => {
    const out = valueSeries(
      input({
        holdings: [
          {
            securityId: "a",
            currency: "USD",
            points: [point("2024-12-30", units(2n)), point("2025-01-03", units(3n))],
          },
        ],
        prices: new Map([["a", history([d("2024-12-31"), d("2025-01-02"), d("2025-01-05")], [1000n, 1100n, 1200n])]]),
      }),
    );
    // 2 × 10.00, 2 × 10.00, 2 × 11.00, 3 × 11.00, 3 × 11.00, 3 × 12.00.
    expect(out.values).toEqual([2000n, 2200n, 3300n, 3300n, 3600n]);
    expect(out.gaps).toEqual([null, null, null, null, null]);
  });

  it("rounds a fractional quantity's value once, half up", () => {
    const out = valueSeries(
      input({
        lastDay: d("2025-01-01"),
        holdings: [{ securityId: "a", currency: "USD", points: [point("2025-01-01", ATTO_PER_UNIT / 3n)] }],
        prices: new Map([["a", history([d("2025-01-01")], [1000n])]]),
      }),
    );
    // 0.333333333333333333 × 10.00 = 3.33333…
    expect(out.values).toEqual([333n]);
  });

  it("stays exact past 2^53, where products and totals move to BigInt", () => {
    const out = valueSeries(
      input({
        lastDay: d("2025-01-02"),
        holdings: [
          { securityId: "a", currency: "USD", points: [point("2025-01-01", units(3n))] },
          { securityId: "b", currency: "USD", points: [point("2025-01-01", units(1n))] },
        ],
        prices: new Map([
          ["a", history([d("2025-01-01"), d("2025-01-02")], [3_000_000_000_000_000n, 10n ** 16n])],
          ["b", history([d("2025-01-01")], [7n])],
        ]),
      }),
    );
    expect(out.values).toEqual([9_000_000_000_000_007n, 30_000_000_000_000_007n]);
  });

  it("reports a gap while a held security has no close yet, and none once it is sold", () => {
    const out = valueSeries(
      input({
        holdings: [
          {
            securityId: "a",
            currency: "USD",
            points: [point("2025-01-02", units(1n)), point("2025-01-04", 0n)],
          },
        ],
        prices: new Map(),
        cash: [{ day: d("2025-01-01"), currency: "USD", minor: 500n }],
      }),
    );
    expect(out.values).toEqual([500n, null, null, 500n, 500n]);
    expect(out.gaps[1]).toEqual({ securityId: "a" });
  });

  it("converts each currency's total once a day at the latest rate, and needs a rate only for money held", () => {
    const out = valueSeries(
      input({
        cash: [
          { day: d("2025-01-01"), currency: "USD", minor: 100n },
          { day: d("2025-01-02"), currency: "EUR", minor: 1000n },
        ],
        channels: [[{ day: d("2025-01-05"), currency: "EUR", minor: 10n }]],
        rates: new Map([["EUR", { days: [d("2025-01-03")], converters: [(minor: bigint) => (minor * 11n + 5n) / 10n] }]]),
      }),
    );
    expect(out.values).toEqual([100n, null, 1200n, 1200n, 1200n]);
    expect(out.gaps[1]).toEqual({ currency: "EUR" });
    expect(out.channels[0]).toEqual([0n, 0n, 0n, 0n, 11n]);
    expect(dayString(d("2025-01-05"))).toBe("2025-01-05");
  });
});
