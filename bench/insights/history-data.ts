/**
 * The five years of one heavy user for `npm run bench:insights`, as insights' read models hold them
 * (insights.transactions, insights.lines, accounts, a loan), and what the analytics must answer for
 * them, summed here from those rows. Built once from the categorizer's generated history
 * (subgraphs/insights/test/support/history-generator.ts: bills on their days, everyday spending at
 * chains and local shops printed the way banks print them), then written under each bench user's
 * own ids.
 */
import { addDays } from "../../platform/time/index.js";
import { merchantKey } from "../../subgraphs/insights/categorizer/payee-tokens.js";
import { CATEGORIES } from "../../subgraphs/insights/test/support/history-catalogue.js";
import { generateHistory, type HistoryTransaction, seededRandom } from "../../subgraphs/insights/test/support/history-generator.js";

export type AccountRole = "checking" | "card" | "savings" | "travel";
export type Kind = "INCOME" | "EXPENSE" | "TRANSFER";

export interface AccountSpec {
  name: string;
  type: string;
  currency: string;
  openingMinor: bigint;
}

/** Three accounts in the base currency (USD) and a EUR travel card, which net worth leaves out and counts. */
export const ACCOUNTS: Record<AccountRole, AccountSpec> = {
  checking: { name: "Checking", type: "CHECKING", currency: "USD", openingMinor: 500_000n },
  card: { name: "Credit card", type: "CREDIT_CARD", currency: "USD", openingMinor: 0n },
  savings: { name: "Savings", type: "SAVINGS", currency: "USD", openingMinor: 1_000_000n },
  travel: { name: "Travel card", type: "CHECKING", currency: "EUR", openingMinor: 50_000n },
};

/** Subcategories the bench folds under a parent: what spendingByCategory rolls up. */
export const PARENTS: Record<string, readonly string[]> = {
  "Food & drink": ["groceries", "restaurants", "coffee"],
  Bills: ["utilities", "phone", "internet", "subscriptions"],
};
export const UNCATEGORISED = "Uncategorised";

export interface CategorySpec {
  key: string;
  name: string;
  kind: "INCOME" | "EXPENSE";
  parent: string | null;
}

const title = (key: string) => key[0]!.toUpperCase() + key.slice(1);
const parentOf = (key: string) => Object.entries(PARENTS).find(([, children]) => children.includes(key))?.[0] ?? null;

export const CATEGORY_SPECS: readonly CategorySpec[] = [
  ...Object.keys(PARENTS).map((name) => ({ key: name, name, kind: "EXPENSE" as const, parent: null })),
  ...CATEGORIES.map((c) => ({
    key: c.id,
    name: title(c.id),
    kind: c.income ? ("INCOME" as const) : ("EXPENSE" as const),
    parent: parentOf(c.id),
  })),
];
/** The root a category's money is rolled up into, by name. */
const ROOT_NAME = new Map(CATEGORY_SPECS.map((c) => [c.key, c.parent ?? c.name]));

export interface BenchLine {
  categoryKey: string | null;
  /** In the base currency, signed like the transaction; null: no rate for the day. */
  baseAmountMinor: bigint | null;
}

export interface BenchTransaction {
  kind: Kind;
  account: AccountRole;
  date: string;
  payee: string;
  merchantKey: string;
  notes: string;
  /** Null for a split or an uncategorised transaction (as insights keeps it). */
  categoryKey: string | null;
  amountMinor: bigint;
  currency: string;
  baseAmountMinor: bigint | null;
  counter: AccountRole | null;
  counterAmountMinor: bigint | null;
  /** Empty for a transfer. */
  lines: BenchLine[];
}

export interface LoanBalanceSpec {
  date: string;
  outstandingMinor: bigint;
}

export interface BenchHistory {
  first: string;
  last: string;
  /** By date. */
  transactions: BenchTransaction[];
  /** A borrowed car loan's outstanding principal, a snapshot a month. */
  loan: { name: string; annualRatePercent: string; openedOn: string; balances: LoanBalanceSpec[] };
  /** The generated history it was built from: the categorizer's training set in part 3. */
  generated: HistoryTransaction[];
}

/** Categories only bills use: paid from checking. */
const BILL_CATEGORIES = new Set(CATEGORIES.filter((c) => c.perDay === 0).map((c) => c.id));
const SPLIT_PARTNERS = ["groceries", "gifts", "electronics", "clothing"];
const EUR_TO_USD_PERCENT = 108n;
const SAVINGS_TRANSFER_MINOR = 100_000n;
const LOAN_PRINCIPAL_MINOR = 2_500_000n;
const LOAN_INSTALMENT_MINOR = 45_000n;
const DAYS = 1826;

const toBase = (minor: bigint) => (minor * EUR_TO_USD_PERCENT) / 100n;

/**
 * `count` incomes and expenses over the five years up to `today` (5 % of the everyday expenses split
 * in two categories, 2 % uncategorised, travel in EUR on its own card with a fifth of it lacking a
 * rate), a card payment and a savings transfer each month, and a car loan paid down monthly.
 */
export function benchHistory(count: number, today: string, seed = 2026): BenchHistory {
  const first = addDays(today, -(DAYS - 1));
  // A few days short of five years, so the Poisson spread never runs past today.
  const generated = generateHistory({ seed, count, start: first, days: DAYS - 10 }).filter((h) => h.date <= today);
  const random = seededRandom(seed + 1);
  const transactions: BenchTransaction[] = [];
  const cardByMonth = new Map<string, bigint>();
  for (const h of generated) {
    const kind = h.amountMinor > 0n ? "INCOME" : "EXPENSE";
    const travel = h.categoryId === "travel";
    const account: AccountRole = travel ? "travel" : BILL_CATEGORIES.has(h.categoryId) ? "checking" : random() < 0.6 ? "card" : "checking";
    const currency = ACCOUNTS[account].currency;
    const everyday = !BILL_CATEGORIES.has(h.categoryId);
    const roll = random();
    const uncategorised = everyday && roll < 0.02;
    const split = everyday && kind === "EXPENSE" && roll >= 0.02 && roll < 0.07 && h.amountMinor <= -200n;
    const unrated = travel && random() < 0.2;
    const rate = (minor: bigint) => (unrated ? null : currency === "USD" ? minor : toBase(minor));
    let lines: BenchLine[];
    if (split) {
      const part = (h.amountMinor * 3n) / 5n;
      const partner = SPLIT_PARTNERS.find((key) => key !== h.categoryId)!;
      lines = [
        { categoryKey: h.categoryId, baseAmountMinor: rate(part) },
        { categoryKey: partner, baseAmountMinor: rate(h.amountMinor - part) },
      ];
    } else lines = [{ categoryKey: uncategorised ? null : h.categoryId, baseAmountMinor: rate(h.amountMinor) }];
    const base = lines.some((l) => l.baseAmountMinor === null) ? null : lines.reduce((sum, l) => sum + l.baseAmountMinor!, 0n);
    transactions.push({
      kind,
      account,
      date: h.date,
      payee: h.payee,
      merchantKey: merchantKey(h.payee),
      notes: h.notes,
      categoryKey: split || uncategorised ? null : h.categoryId,
      amountMinor: h.amountMinor,
      currency,
      baseAmountMinor: base,
      counter: null,
      counterAmountMinor: null,
      lines,
    });
    if (account === "card") cardByMonth.set(h.date.slice(0, 7), (cardByMonth.get(h.date.slice(0, 7)) ?? 0n) + h.amountMinor);
  }

  // Each month the card's previous month is paid from checking, and a fixed sum goes to savings.
  const transfer = (date: string, to: AccountRole, minor: bigint, payee: string): BenchTransaction => ({
    kind: "TRANSFER",
    account: "checking",
    date,
    payee,
    merchantKey: merchantKey(payee),
    notes: "",
    categoryKey: null,
    amountMinor: -minor,
    currency: "USD",
    baseAmountMinor: -minor,
    counter: to,
    counterAmountMinor: minor,
    lines: [],
  });
  const loanBalances: LoanBalanceSpec[] = [];
  let outstanding = LOAN_PRINCIPAL_MINOR;
  const loanOpened = addDays(first, 30);
  for (let month = first.slice(0, 7); `${month}-28` <= today; month = nextMonth(month)) {
    const owed = cardByMonth.get(previousMonth(month)) ?? 0n;
    if (`${month}-02` >= first && `${month}-02` <= today && owed < 0n)
      transactions.push(transfer(`${month}-02`, "card", -owed, "CARD PAYMENT THANK YOU"));
    if (`${month}-16` >= first && `${month}-16` <= today)
      transactions.push(transfer(`${month}-16`, "savings", SAVINGS_TRANSFER_MINOR, "TRANSFER TO SAVINGS"));
    if (`${month}-20` >= loanOpened && `${month}-20` <= today && outstanding > 0n) {
      loanBalances.push({ date: `${month}-20`, outstandingMinor: outstanding });
      outstanding = outstanding > LOAN_INSTALMENT_MINOR ? outstanding - LOAN_INSTALMENT_MINOR : 0n;
    }
  }
  transactions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    first,
    last: today,
    transactions,
    loan: { name: "Car loan", annualRatePercent: "7.9", openedOn: loanOpened, balances: loanBalances },
    generated,
  };
}

const nextMonth = (month: string) => shiftMonth(month, 1);
const previousMonth = (month: string) => shiftMonth(month, -1);
function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The `count` months up to and including `last` (YYYY-MM), oldest first. */
export function monthsUpTo(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftMonth(last, i - count + 1));
}

export interface ExpectedCategory {
  amountMinor: bigint;
  transactions: number;
}

export interface ExpectedBreakdown {
  totalMinor: bigint;
  /** By root category name (subcategories rolled up), "Uncategorised" for lines without one. */
  categories: Map<string, ExpectedCategory>;
  unconvertedLines: number;
}

/**
 * What spendingByCategory must show for [from, to]: EXPENSE lines' base amounts (negated) per root
 * category; a category's transactions are the distinct transactions with a line in it, summed over
 * the subcategories rolled up into it.
 */
export function expectedSpending(history: BenchHistory, from: string, to: string): ExpectedBreakdown {
  const byCategory = new Map<string | null, ExpectedCategory>();
  let unconvertedLines = 0;
  for (const t of history.transactions) {
    if (t.kind !== "EXPENSE" || t.date < from || t.date > to) continue;
    for (const line of t.lines) {
      const c = byCategory.get(line.categoryKey) ?? { amountMinor: 0n, transactions: 0 };
      // A transaction has at most one line per category here, so each line is one distinct transaction.
      c.transactions++;
      if (line.baseAmountMinor === null) unconvertedLines++;
      else c.amountMinor -= line.baseAmountMinor;
      byCategory.set(line.categoryKey, c);
    }
  }
  const categories = new Map<string, ExpectedCategory>();
  for (const [key, c] of byCategory) {
    const name = key === null ? UNCATEGORISED : ROOT_NAME.get(key)!;
    const into = categories.get(name) ?? { amountMinor: 0n, transactions: 0 };
    into.amountMinor += c.amountMinor;
    into.transactions += c.transactions;
    categories.set(name, into);
  }
  const totalMinor = [...categories.values()].reduce((sum, c) => sum + c.amountMinor, 0n);
  return { totalMinor, categories, unconvertedLines };
}

export interface ExpectedMonth {
  month: string;
  incomeMinor: bigint;
  spendingMinor: bigint;
}

/** What monthlyTrend must show for `months`: INCOME lines' base amounts, and EXPENSE lines' negated. */
export function expectedMonths(history: BenchHistory, months: readonly string[]): ExpectedMonth[] {
  const byMonth = new Map(months.map((month) => [month, { month, incomeMinor: 0n, spendingMinor: 0n }]));
  for (const t of history.transactions) {
    const m = byMonth.get(t.date.slice(0, 7));
    if (!m || t.kind === "TRANSFER") continue;
    for (const line of t.lines) {
      if (line.baseAmountMinor === null) continue;
      if (t.kind === "INCOME") m.incomeMinor += line.baseAmountMinor;
      else m.spendingMinor -= line.baseAmountMinor;
    }
  }
  return [...byMonth.values()];
}

export interface ExpectedNetWorth {
  date: string;
  assetsMinor: bigint;
  liabilitiesMinor: bigint;
}

/**
 * Net worth at the end of each of `days` (ascending): each USD account's opening balance plus every
 * posting on it (both sides of transfers), positive balances assets and negative ones liabilities,
 * plus the loan's last outstanding principal as a liability. The EUR card is left out.
 */
export function expectedNetWorth(history: BenchHistory, days: readonly string[]): ExpectedNetWorth[] {
  const usd = (Object.keys(ACCOUNTS) as AccountRole[]).filter((role) => ACCOUNTS[role].currency === "USD");
  const balances = new Map(usd.map((role) => [role, ACCOUNTS[role].openingMinor]));
  const post = (role: AccountRole, minor: bigint) => {
    if (balances.has(role)) balances.set(role, balances.get(role)! + minor);
  };
  let t = 0;
  let l = 0;
  let loan = 0n;
  return days.map((day) => {
    for (; t < history.transactions.length && history.transactions[t]!.date <= day; t++) {
      const x = history.transactions[t]!;
      post(x.account, x.amountMinor);
      if (x.counter) post(x.counter, x.counterAmountMinor!);
    }
    for (; l < history.loan.balances.length && history.loan.balances[l]!.date <= day; l++)
      loan = history.loan.balances[l]!.outstandingMinor;
    let assetsMinor = 0n;
    let liabilitiesMinor = loan;
    // Every account opens the day before the history starts, so all count on every day asked.
    for (const balance of balances.values()) {
      if (balance >= 0n) assetsMinor += balance;
      else liabilitiesMinor -= balance;
    }
    return { date: day, assetsMinor, liabilitiesMinor };
  });
}
