/**
 * The gateway's answers for `npm run bench:insights` against the figures summed in the bench from
 * the rows it wrote (bench/insights/history-data.ts): every problem found, in words; none means right.
 */
import { parseAmount } from "../../platform/money/index.js";
import type { ExpectedBreakdown, ExpectedMonth, ExpectedNetWorth } from "./history-data.js";

export const minorOf = (amount: string) => parseAmount(amount, "USD").amountMinor;

type Point = { date: string; value: string };

/** `spendingByCategory { currency total { amount } categories { name amount { amount } transactions } unconvertedLines }` */
export function spendingProblems(answer: any, e: ExpectedBreakdown): string[] {
  const problems: string[] = [];
  if (answer.currency !== "USD") problems.push(`currency ${answer.currency}`);
  if (minorOf(answer.total.amount) !== e.totalMinor) problems.push(`total ${answer.total.amount}, expected ${e.totalMinor} minor`);
  if (answer.unconvertedLines !== e.unconvertedLines)
    problems.push(`unconvertedLines ${answer.unconvertedLines}, expected ${e.unconvertedLines}`);
  const seen = new Set<string>();
  for (const c of answer.categories as Array<{ name: string; amount: { amount: string }; transactions: number }>) {
    seen.add(c.name);
    const want = e.categories.get(c.name);
    if (!want) problems.push(`unexpected category ${c.name}`);
    else if (minorOf(c.amount.amount) !== want.amountMinor || c.transactions !== want.transactions)
      problems.push(`${c.name}: ${c.amount.amount} in ${c.transactions}, expected ${want.amountMinor} minor in ${want.transactions}`);
  }
  for (const name of e.categories.keys()) if (!seen.has(name)) problems.push(`category ${name} missing`);
  return problems;
}

/** `monthlyTrend { currency income { date value } spending { date value } net { date value } }` */
export function trendProblems(answer: any, months: readonly ExpectedMonth[]): string[] {
  const problems: string[] = [];
  if (answer.currency !== "USD") problems.push(`currency ${answer.currency}`);
  const series = (name: string, points: Point[], value: (m: ExpectedMonth) => bigint) => {
    if (points.length !== months.length) return problems.push(`${name}: ${points.length} points, expected ${months.length}`);
    months.forEach((m, i) => {
      const p = points[i]!;
      if (p.date !== `${m.month}-01` || minorOf(p.value) !== value(m))
        problems.push(`${name} ${p.date}: ${p.value}, expected ${value(m)} minor for ${m.month}`);
    });
  };
  series("income", answer.income, (m) => m.incomeMinor);
  series("spending", answer.spending, (m) => m.spendingMinor);
  series("net", answer.net, (m) => m.incomeMinor - m.spendingMinor);
  return problems;
}

/** `netWorthHistory { currency netWorth { date value } assets { date value } liabilities { date value } leftOut }` */
export function netWorthProblems(answer: any, points: readonly ExpectedNetWorth[], leftOut: number): string[] {
  const problems: string[] = [];
  if (answer.currency !== "USD") problems.push(`currency ${answer.currency}`);
  if (answer.leftOut !== leftOut) problems.push(`leftOut ${answer.leftOut}, expected ${leftOut}`);
  const series = (name: string, got: Point[], value: (p: ExpectedNetWorth) => bigint) => {
    if (got.length !== points.length) return problems.push(`${name}: ${got.length} points, expected ${points.length}`);
    points.forEach((p, i) => {
      const g = got[i]!;
      if (g.date !== p.date || minorOf(g.value) !== value(p))
        problems.push(`${name} ${g.date}: ${g.value}, expected ${value(p)} minor on ${p.date}`);
    });
  };
  series("assets", answer.assets, (p) => p.assetsMinor);
  series("liabilities", answer.liabilities, (p) => p.liabilitiesMinor);
  series("netWorth", answer.netWorth, (p) => p.assetsMinor - p.liabilitiesMinor);
  return problems;
}
