import { getDay } from "date-fns/getDay";

import { badInput } from "../../../platform/errors/index.js";
import { addDays, calendarDate, parseCalendarDate } from "../../../platform/time/index.js";
import {
  type AccountProjection,
  type BelowZeroWarning,
  type CashflowInput,
  type CashflowProjection,
  type CurrencyFlow,
  type CurrencyTotal,
  type DateSpan,
  type ForecastAccount,
  type LowestBalance,
  MAX_FORECAST_DAYS,
  type ProjectedDay,
  type ScheduledFlow,
} from "./cashflow.types.js";

/**
 * Projects each account's closing balance for every day from tomorrow to `today + days`: each day
 * adds the scheduled flows dated that day and the account's average discretionary spending for
 * that weekday. Flows dated today or earlier are taken as already in the balance, flows after the
 * window and flows of accounts not listed (archived ones, say) are left out. Totals are per
 * currency; the caller converts first if it wants one total. Unassigned flows (known by currency
 * only) move their currency's total on their day, under the same window rule, and no account.
 */
export function projectCashflow(input: CashflowInput): CashflowProjection {
  const today = calendarDate(input.today, "today");
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_FORECAST_DAYS) {
    throw badInput(`days must be a whole number from 1 to ${MAX_FORECAST_DAYS}`, { field: "days" });
  }
  const from = addDays(today, 1);
  const to = addDays(today, input.days);
  const dates = Array.from({ length: input.days }, (_, i) => addDays(from, i));
  const firstWeekday = getDay(parseCalendarDate(from, "from"));

  const accountIds = new Set<string>();
  for (const account of input.accounts) {
    if (accountIds.has(account.accountId)) throw badInput(`account ${account.accountId} is listed twice`, { field: "accounts" });
    accountIds.add(account.accountId);
  }
  const perWeekday = weekdaySums(input, accountIds);
  const flows = flowsByAccount(input.scheduled, accountIds, from, to);

  const accounts = input.accounts.map((account): AccountProjection => {
    const own = flows.get(account.accountId) ?? [];
    const byDate = new Map<string, bigint>();
    for (const flow of own) byDate.set(flow.date, (byDate.get(flow.date) ?? 0n) + flow.amountMinor);
    const weekdays = perWeekday.get(account.accountId);
    let balance = account.balanceMinor;
    const series = dates.map((date, i): ProjectedDay => {
      const scheduledMinor = byDate.get(date) ?? 0n;
      const discretionaryMinor = weekdays?.[(firstWeekday + i) % 7] ?? 0n;
      balance += scheduledMinor + discretionaryMinor;
      return { date, balanceMinor: balance, scheduledMinor, discretionaryMinor };
    });
    const { accountId, name, currency } = account;
    return { accountId, name, currency, startingBalanceMinor: account.balanceMinor, series, lowest: lowestOf(series), flows: own };
  });

  const unassigned = inWindow(input.unassigned ?? [], from, to);
  return { from, to, accounts, totals: totalsOf(accounts, dates, unassigned), warnings: warningsOf(accounts, input.accounts) };
}

/** Each listed account's discretionary average per weekday; several entries for one weekday add up. */
function weekdaySums(input: CashflowInput, accountIds: ReadonlySet<string>): Map<string, bigint[]> {
  const sums = new Map<string, bigint[]>();
  for (const { accountId, weekday, averageMinor } of input.discretionary) {
    if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
      throw badInput("weekday must be 0 (Sunday) to 6 (Saturday)", { field: "weekday" });
    }
    if (!accountIds.has(accountId)) continue;
    const days = sums.get(accountId) ?? Array.from({ length: 7 }, () => 0n);
    days[weekday]! += averageMinor;
    sums.set(accountId, days);
  }
  return sums;
}

function flowsByAccount(
  scheduled: readonly ScheduledFlow[],
  accountIds: ReadonlySet<string>,
  from: string,
  to: string,
): Map<string, ScheduledFlow[]> {
  const byAccount = new Map<string, ScheduledFlow[]>();
  for (const flow of scheduled) {
    parseCalendarDate(flow.date, "date");
    if (!accountIds.has(flow.accountId) || flow.date < from || flow.date > to) continue;
    const list = byAccount.get(flow.accountId) ?? [];
    list.push(flow);
    byAccount.set(flow.accountId, list);
  }
  // A stable sort: flows of one day keep the order they were given in.
  for (const list of byAccount.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return byAccount;
}

/** The flows dated inside the window, by date (stably). */
function inWindow(flows: readonly CurrencyFlow[], from: string, to: string): CurrencyFlow[] {
  for (const flow of flows) parseCalendarDate(flow.date, "date");
  return flows.filter((f) => f.date >= from && f.date <= to).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The lowest closing balance, the earliest day of it on a tie. */
function lowestOf(series: readonly ProjectedDay[]): LowestBalance {
  let lowest = series[0]!;
  for (const day of series) if (day.balanceMinor < lowest.balanceMinor) lowest = day;
  return { date: lowest.date, balanceMinor: lowest.balanceMinor };
}

function totalsOf(accounts: readonly AccountProjection[], dates: readonly string[], unassigned: readonly CurrencyFlow[]): CurrencyTotal[] {
  const currencies = [...new Set([...accounts.map((a) => a.currency), ...unassigned.map((f) => f.currency)])].sort();
  return currencies.map((currency) => {
    const members = accounts.filter((a) => a.currency === currency);
    const own = unassigned.filter((f) => f.currency === currency);
    const byDate = new Map<string, bigint>();
    for (const flow of own) byDate.set(flow.date, (byDate.get(flow.date) ?? 0n) + flow.amountMinor);
    let outside = 0n;
    const series = dates.map((date, i): ProjectedDay => {
      const moved = byDate.get(date) ?? 0n;
      outside += moved;
      const day = { date, balanceMinor: outside, scheduledMinor: moved, discretionaryMinor: 0n };
      for (const member of members) {
        const its = member.series[i]!;
        day.balanceMinor += its.balanceMinor;
        day.scheduledMinor += its.scheduledMinor;
        day.discretionaryMinor += its.discretionaryMinor;
      }
      return day;
    });
    const startingBalanceMinor = members.reduce((sum, a) => sum + a.startingBalanceMinor, 0n);
    return { currency, startingBalanceMinor, series, lowest: lowestOf(series), unassigned: own };
  });
}

function warningsOf(projections: readonly AccountProjection[], accounts: readonly ForecastAccount[]): BelowZeroWarning[] {
  const warnings: BelowZeroWarning[] = [];
  projections.forEach((projection, i) => {
    if (accounts[i]!.warnBelowZero === false) return;
    const periods = belowZeroPeriods(projection.series);
    if (periods.length === 0) return;
    const daysBelowZero = projection.series.filter((day) => day.balanceMinor < 0n).length;
    const { accountId, name, currency, lowest } = projection;
    warnings.push({ accountId, name, currency, firstDate: periods[0]!.from, lowest, daysBelowZero, periods });
  });
  // Array sort is stable, so accounts going below zero on the same day keep their order.
  return warnings.sort((a, b) => (a.firstDate < b.firstDate ? -1 : a.firstDate > b.firstDate ? 1 : 0));
}

/** The runs of consecutive days a series closes below zero, in order. */
export function belowZeroPeriods(series: readonly ProjectedDay[]): DateSpan[] {
  const periods: DateSpan[] = [];
  let previousBelow = false;
  for (const day of series) {
    const below = day.balanceMinor < 0n;
    if (below && previousBelow) periods.at(-1)!.to = day.date;
    else if (below) periods.push({ from: day.date, to: day.date });
    previousBelow = below;
  }
  return periods;
}
