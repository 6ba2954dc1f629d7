import { stringify } from "csv-stringify/sync";

import { formatAmount, money } from "../../../platform/money/index.js";
import type { IncomeRow, LotRow } from "../investment-activity/investment-activity.store.js";
import type { ReportedLine } from "../ledger-lines/ledger-line.store.js";
import type { ComputedSummary } from "../summary/summary.service.js";
import { UNCATEGORISED } from "../summary/summary.service.js";

export const REPORT_COLUMNS = [
  "section",
  "date",
  "reference",
  "description",
  "category",
  "treatment",
  "term",
  "acquired_on",
  "quantity",
  "cost",
  "proceeds",
  "amount",
  "currency",
  "counted",
  "note",
] as const;

type Row = Partial<Record<(typeof REPORT_COLUMNS)[number], string>>;

export interface ReportData {
  computed: ComputedSummary;
  /** The year's ledger lines; those of categories that do not count are left out here. */
  lines: ReportedLine[];
  income: IncomeRow[];
  lots: LotRow[];
  categoryNames: Map<string, string>;
}

/**
 * The year summary as an accountant reads it: the figures first (SUMMARY rows, in the table's
 * currency), then every item behind them: each ledger line of a category that counts (LINE), each
 * dividend and interest payment (INVESTMENT_INCOME) and each lot a sale closed (LOT). `amount` is
 * as the item was written, in its own currency; `counted` is what the summary counted in the
 * table's currency (empty: left out, no amount in that currency).
 */
export function yearReportCsv({ computed, lines, income, lots, categoryNames }: ReportData): { csv: string; rows: number } {
  const s = computed.summary;
  const cur = s.currency;
  const fmt = (minor: bigint, currency = cur) => formatAmount(money(minor, currency));
  const figure = (description: string, minor: bigint): Row => ({ section: "SUMMARY", description, amount: fmt(minor), currency: cur });
  const rows: Row[] = [
    { section: "SUMMARY", description: "Tax year", reference: String(s.year), note: `${s.jurisdiction} ${s.revision}, ${s.filingStatus}` },
    figure("Income from categories", s.income.categoriesMinor),
    figure("Interest", s.income.interestMinor),
    figure("Dividends", s.income.dividendsMinor),
    figure("Qualified dividends", s.income.qualifiedDividendsMinor),
    figure("Short-term capital gain", s.capitalGains.shortTermNetMinor),
    figure("Long-term capital gain", s.capitalGains.longTermNetMinor),
    figure("Capital gain or deductible loss in income", s.income.capitalGainOrLossMinor),
    figure("Capital loss carryover", s.capitalGains.carryoverLossMinor),
    figure("Gross income", s.income.grossIncomeMinor),
    figure("Adjustments", s.adjustmentsMinor),
    figure("Adjusted gross income", s.adjustedGrossIncomeMinor),
    figure("Standard deduction", s.deduction.standardMinor),
    figure("Itemized deduction", s.deduction.itemized.totalMinor),
    { ...figure("Deduction taken", s.deduction.amountMinor), note: s.deduction.chosen },
    figure("Taxable income", s.taxableIncomeMinor),
    figure("Qualified income", s.qualifiedIncomeMinor),
    figure("Ordinary tax", s.incomeTax.ordinaryTaxMinor),
    figure("Capital gains tax", s.incomeTax.capitalGainsTaxMinor),
    figure("Child tax credit", s.childTaxCredit.allowedMinor),
    { ...figure("Estimated tax", s.estimatedTaxMinor), note: `effective rate ${s.effectiveRatePercent} %` },
    figure("Withheld", s.withheld.totalMinor),
    figure("Left to pay", s.leftToPayMinor),
  ];
  for (const line of lines) {
    const treatment = computed.treatments.get(line.categoryId) ?? (line.kind === "INCOME" ? "TAXABLE_INCOME" : "NONE");
    if (treatment === "NONE") continue;
    rows.push({
      section: "LINE",
      date: line.date,
      reference: line.transactionId,
      description: line.payee,
      category: (line.categoryId && categoryNames.get(line.categoryId)) || UNCATEGORISED[line.kind],
      treatment,
      amount: fmt(line.amountMinor, line.currency),
      currency: line.currency,
      counted: line.countedMinor === null ? "" : fmt(line.countedMinor),
      note: line.countedMinor === null ? `left out: no amount in ${cur}` : "",
    });
  }
  for (const item of income) {
    rows.push({
      section: "INVESTMENT_INCOME",
      date: item.date,
      reference: item.transactionId,
      description: item.symbol ?? "",
      treatment: item.type,
      amount: fmt(item.amountMinor, item.currency),
      currency: item.currency,
      counted: item.currency === cur ? fmt(item.amountMinor) : "",
      note: item.currency === cur ? "" : `left out: not in ${cur}`,
    });
  }
  for (const lot of lots) {
    const inCurrency = lot.currency === cur;
    rows.push({
      section: "LOT",
      date: lot.soldOn,
      reference: lot.saleId,
      description: lot.symbol ?? "",
      term: lot.term,
      acquired_on: lot.acquiredOn,
      quantity: lot.quantity,
      cost: fmt(BigInt(lot.costMinor), lot.currency),
      proceeds: fmt(BigInt(lot.proceedsMinor), lot.currency),
      amount: fmt(BigInt(lot.gainMinor), lot.currency),
      currency: lot.currency,
      counted: inCurrency ? fmt(BigInt(lot.gainMinor)) : "",
      note: inCurrency ? `opened by ${lot.openedBy}` : `left out: not in ${cur}`,
    });
  }
  return { csv: stringify(rows, { header: true, columns: [...REPORT_COLUMNS] }), rows: rows.length };
}
