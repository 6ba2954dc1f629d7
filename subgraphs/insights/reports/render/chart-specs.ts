import type { TopLevelSpec } from "vega-lite";

import { currencyExponent } from "../../../../platform/money/index.js";

/**
 * Vega-Lite specs for the PDF's charts. Values are plotted as floats of major units: a chart is a
 * drawing, where a float's last-digit error is invisible, and every figure printed in the report
 * comes from the exact minor units instead. Labels carry no amounts, so nothing inexact is printed.
 */
export const toMajorForDrawing = (amountMinor: bigint, currency: string): number => Number(amountMinor) / 10 ** currencyExponent(currency);

const WIDTH = 460;
const HEIGHT = 200;
const FONT = "Helvetica";
const config = {
  font: FONT,
  view: { stroke: null },
  axis: { labelFont: FONT, titleFont: FONT },
  legend: { labelFont: FONT, titleFont: FONT },
};

/** At most this many slices; the rest are one "Other" slice, so the legend stays readable. */
export const MAX_SLICES = 8;

/** Spending by category as a donut, biggest first, the tail folded into "Other". */
export function categoryDonut(
  items: ReadonlyArray<{ name: string; amountMinor: bigint }>,
  currency: string,
  otherLabel = "Other",
): TopLevelSpec {
  const positive = items
    .filter((i) => i.amountMinor > 0n)
    .toSorted((a, b) => (b.amountMinor > a.amountMinor ? 1 : b.amountMinor < a.amountMinor ? -1 : 0));
  const head = positive.slice(0, positive.length > MAX_SLICES ? MAX_SLICES - 1 : MAX_SLICES);
  const tail = positive.slice(head.length).reduce((sum, i) => sum + i.amountMinor, 0n);
  const values = [...head, ...(tail > 0n ? [{ name: otherLabel, amountMinor: tail }] : [])].map((i, order) => ({
    category: i.name,
    order,
    value: toMajorForDrawing(i.amountMinor, currency),
  }));
  return {
    width: HEIGHT,
    height: HEIGHT,
    config,
    data: { values },
    mark: { type: "arc", innerRadius: 55, stroke: "white" },
    encoding: {
      theta: { field: "value", type: "quantitative", stack: true },
      color: { field: "category", type: "nominal", sort: { field: "order" }, legend: { title: null } },
      order: { field: "order", type: "quantitative" },
    },
  };
}

/** Income and spending per month side by side, both positive. */
export function incomeExpenseBars(
  months: ReadonlyArray<{ label: string; incomeMinor: bigint; spendingMinor: bigint }>,
  currency: string,
  labels = { income: "Income", spending: "Spending" },
): TopLevelSpec {
  const values = months.flatMap((m, order) => [
    { month: m.label, order, series: labels.income, value: toMajorForDrawing(m.incomeMinor, currency) },
    { month: m.label, order, series: labels.spending, value: toMajorForDrawing(m.spendingMinor, currency) },
  ]);
  return {
    width: WIDTH,
    height: HEIGHT,
    config,
    data: { values },
    mark: { type: "bar" },
    encoding: {
      x: { field: "month", type: "ordinal", sort: { field: "order" }, title: null, axis: { labelAngle: -40 } },
      xOffset: { field: "series", type: "nominal" },
      y: { field: "value", type: "quantitative", title: currency, axis: { format: "~s" } },
      color: { field: "series", type: "nominal", legend: { title: null, orient: "top" }, scale: { range: ["#2e7d32", "#c62828"] } },
    },
  };
}

/** Net worth at the end of each month as a line. */
export function netWorthLine(points: ReadonlyArray<{ label: string; netWorthMinor: bigint }>, currency: string): TopLevelSpec {
  return {
    width: WIDTH,
    height: HEIGHT,
    config,
    data: { values: points.map((p, order) => ({ month: p.label, order, value: toMajorForDrawing(p.netWorthMinor, currency) })) },
    mark: { type: "line", point: true, color: "#1565c0" },
    encoding: {
      x: { field: "month", type: "ordinal", sort: { field: "order" }, title: null, axis: { labelAngle: -40 } },
      y: { field: "value", type: "quantitative", title: currency, axis: { format: "~s" }, scale: { zero: false } },
    },
  };
}
