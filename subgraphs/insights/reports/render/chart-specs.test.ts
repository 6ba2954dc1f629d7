import { describe, expect, it } from "vitest";

import { categoryDonut, incomeExpenseBars, MAX_SLICES, netWorthLine, toMajorForDrawing } from "./chart-specs.js";
import { chartSvg } from "./chart-svg.js";

type Values = Array<Record<string, unknown>>;
const valuesOf = (spec: { data?: unknown }) => (spec.data as { values: Values }).values;

describe("report chart specs", () => {
  it("donut: positive categories biggest first, the tail folded into Other, drawn from major units", () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ name: `C${i}`, amountMinor: BigInt((i + 1) * 1000) }));
    const spec = categoryDonut([...items, { name: "Refunds", amountMinor: -500n }], "USD");
    const values = valuesOf(spec);
    expect(values).toHaveLength(MAX_SLICES);
    expect(values[0]).toEqual({ category: "C11", order: 0, value: 120 });
    // C0..C4: 1000+2000+3000+4000+5000 minor units.
    expect(values.at(-1)).toEqual({ category: "Other", order: MAX_SLICES - 1, value: 150 });
    expect((spec as { mark: unknown }).mark).toMatchObject({ type: "arc" });
  });

  it("bars: one income and one spending bar per month, in month order; line: one point per month", () => {
    const bars = incomeExpenseBars(
      [
        { label: "Jan", incomeMinor: 300000n, spendingMinor: 123456n },
        { label: "Feb", incomeMinor: 0n, spendingMinor: 5n },
      ],
      "EUR",
    );
    expect(valuesOf(bars)).toEqual([
      { month: "Jan", order: 0, series: "Income", value: 3000 },
      { month: "Jan", order: 0, series: "Spending", value: 1234.56 },
      { month: "Feb", order: 1, series: "Income", value: 0 },
      { month: "Feb", order: 1, series: "Spending", value: 0.05 },
    ]);
    const line = netWorthLine([{ label: "Jan", netWorthMinor: -1000n }], "JPY");
    expect(valuesOf(line)).toEqual([{ month: "Jan", order: 0, value: -1000 }]);
    expect(toMajorForDrawing(1234n, "KWD")).toBe(1.234);
  });

  it("render to SVG with paths for the marks", async () => {
    const svg = await chartSvg(
      categoryDonut(
        [
          { name: "Food", amountMinor: 1000n },
          { name: "Rent", amountMinor: 5000n },
        ],
        "USD",
      ),
    );
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("<path");
    expect(svg).toContain("Food");
  });
});
