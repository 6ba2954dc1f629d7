// Test support only: random returns against every shipped table, biased towards the band edges
// where rounding and stacking decide everything, and a deliberately separate model of the
// worksheet in decimal.js (not the calculator's integers) to check against.
import { Decimal } from "decimal.js";
import fc from "fast-check";

import { TaxTableCatalog } from "../tables/table-catalog.js";
import type { RateBand, TaxTable } from "../tables/tax-table.js";

export const shippedTables = TaxTableCatalog.fromDirectory().list();

// Enough digits that no quotient here is ever rounded before the one rounding under test.
const Exact = Decimal.clone({ precision: 60 });

export interface TaxCase {
  table: TaxTable;
  filingStatus: string;
  taxableIncomeMinor: bigint;
  qualifiedIncomeMinor: bigint;
}

const MAX_INCOME = 5_000_000_00n;

const edgesOf = (table: TaxTable, status: string) => [
  ...table.ordinaryBrackets.byFilingStatus[status]!.map((band) => band.overMinor),
  ...table.capitalGainsBrackets.byFilingStatus[status]!.map((band) => band.overMinor),
];

/** An amount from 0 up, near one of `edges` (within $5) a good part of the time. */
const amountNear = (edges: bigint[], max: bigint) =>
  fc
    .oneof(
      fc.bigInt({ min: 0n, max }),
      fc.bigInt({ min: 0n, max: 100_000_00n }),
      fc.tuple(fc.constantFrom(...edges), fc.bigInt({ min: -500n, max: 500n })).map(([edge, offset]) => edge + offset),
    )
    .map((amount) => (amount < 0n ? 0n : amount > max ? max : amount));

export const tableAndStatus = fc
  .constantFrom(...shippedTables)
  .chain((table) => fc.constantFrom(...table.filingStatuses).map((filingStatus) => ({ table, filingStatus })));

/**
 * Pairs of a gains-band edge and an ordinary-band edge less than $1,000 apart: between them the
 * gains rate can exceed the ordinary rate (the 0 % band ending below the 12 % band's top), which
 * is where the worksheet's final comparison matters.
 */
const closeEdgePairs = (table: TaxTable, status: string): [bigint, bigint][] =>
  table.capitalGainsBrackets.byFilingStatus[status]!.flatMap((gains) =>
    table.ordinaryBrackets.byFilingStatus[status]!.flatMap((ordinary): [bigint, bigint][] => {
      const [low, high] =
        gains.overMinor < ordinary.overMinor ? [gains.overMinor, ordinary.overMinor] : [ordinary.overMinor, gains.overMinor];
      return low > 0n && high - low < 1_000_00n ? [[low, high]] : [];
    }),
  );

const withTable = (table: TaxTable, filingStatus: string) => (income: { taxable: bigint; qualified: bigint }) => ({
  table,
  filingStatus,
  taxableIncomeMinor: income.taxable,
  qualifiedIncomeMinor: income.qualified,
  // A counterexample names its table instead of printing all of it.
  [fc.toStringMethod]: () =>
    `${table.jurisdiction} ${table.year} ${table.revision} ${filingStatus} taxable ${income.taxable} qualified ${income.qualified}`,
});

/**
 * A return: taxable income, and qualified income of 0, all of it, or any part (often leaving
 * ordinary income near an edge); or both ordinary and taxable income around two close edges.
 */
export const taxCase: fc.Arbitrary<TaxCase> = tableAndStatus.chain(({ table, filingStatus }) => {
  const edges = edgesOf(table, filingStatus);
  const anywhere = amountNear(edges, MAX_INCOME).chain((taxable) =>
    fc
      .oneof(
        fc.constant(0n),
        fc.constant(taxable),
        fc.bigInt({ min: 0n, max: taxable }),
        amountNear(edges, taxable).map((ordinary) => taxable - ordinary),
      )
      .map((qualified) => ({ taxable, qualified })),
  );
  const pairs = closeEdgePairs(table, filingStatus);
  if (pairs.length === 0) return anywhere.map(withTable(table, filingStatus));
  const betweenEdges = fc
    .constantFrom(...pairs)
    .chain(([low, high]) =>
      fc.tuple(fc.bigInt({ min: low - 100_00n, max: high + 100_00n }), fc.bigInt({ min: low - 100_00n, max: high + 100_00n })),
    )
    .map(([a, b]) => (a <= b ? { taxable: b, qualified: b - a } : { taxable: a, qualified: a - b }));
  return fc.oneof(anywhere, betweenEdges).map(withTable(table, filingStatus));
});

/** A second, larger income to compare with: 0 to 1 cent more, or up to $100,000 more. */
export const raise = fc.oneof(fc.constantFrom(0n, 1n), fc.bigInt({ min: 0n, max: 100_000_00n }));

/** The rate of the band holding the last cent of `income`: bands are "over" their start. */
export function bandRateAt(bands: readonly RateBand[], income: bigint): string {
  return bands.findLast((band) => band.overMinor < income)!.ratePercent;
}

export const topRate = (table: TaxTable, status: string): Decimal =>
  Decimal.max(
    ...[...table.ordinaryBrackets.byFilingStatus[status]!, ...table.capitalGainsBrackets.byFilingStatus[status]!].map(
      (band) => new Decimal(band.ratePercent),
    ),
  );

/** Exact tax, in dollars, on the part of income between `from` and `to` (minor units). */
function exactTax(bands: readonly RateBand[], from: bigint, to: bigint): Decimal {
  let total = new Exact(0);
  bands.forEach((band, i) => {
    const top = bands[i + 1]?.overMinor ?? to;
    const start = band.overMinor > from ? band.overMinor : from;
    const end = top < to ? top : to;
    if (end > start) total = total.plus(new Exact((end - start).toString()).div(100).times(band.ratePercent).div(100));
  });
  return total;
}

const cents = (dollars: Decimal) => BigInt(dollars.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));

/** The worksheet, written out: each figure rounded half-up to the cent once, then the smaller of the two computations. */
export function modelTax(c: TaxCase): { taxMinor: bigint; stacked: boolean } {
  const ordinaryBands = c.table.ordinaryBrackets.byFilingStatus[c.filingStatus]!;
  const gainsBands = c.table.capitalGainsBrackets.byFilingStatus[c.filingStatus]!;
  const taxable = c.taxableIncomeMinor;
  if (taxable <= 0n) return { taxMinor: 0n, stacked: false };
  const allOrdinary = cents(exactTax(ordinaryBands, 0n, taxable));
  if (c.qualifiedIncomeMinor === 0n) return { taxMinor: allOrdinary, stacked: false };
  const ordinaryIncome = taxable - c.qualifiedIncomeMinor;
  const stacked = cents(exactTax(ordinaryBands, 0n, ordinaryIncome)) + cents(exactTax(gainsBands, ordinaryIncome, taxable));
  return stacked <= allOrdinary ? { taxMinor: stacked, stacked: true } : { taxMinor: allOrdinary, stacked: false };
}

/** tax / taxable × 100, two decimals half-up, in decimal.js. */
export const modelEffectiveRate = (taxMinor: bigint, taxableMinor: bigint) =>
  taxableMinor <= 0n
    ? "0.00"
    : new Exact(taxMinor.toString()).div(taxableMinor.toString()).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
