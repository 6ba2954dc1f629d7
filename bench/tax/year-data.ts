/**
 * The synthetic tax years `npm run bench:tax` writes into tax's read models, and what the summary
 * must add up to for them. Everything is drawn from a seeded generator, so every run has the same
 * data; the expected figures are summed here, line by line, independently of the subgraph's SQL.
 */
import { randomUUID } from "node:crypto";

/** Rows as the read model tables take them (amounts in minor units). */
export interface CategoryRow {
  id: string;
  userId: string;
  parentId: string | null;
  name: string;
  kind: "INCOME" | "EXPENSE";
}

export interface LineRow {
  transactionId: string;
  line: number;
  userId: string;
  kind: "INCOME" | "EXPENSE";
  date: string;
  payee: string;
  categoryId: string | null;
  amountMinor: bigint;
  currency: string;
  baseAmountMinor: bigint | null;
  baseCurrency: string | null;
}

export interface IncomeRow {
  transactionId: string;
  userId: string;
  portfolioId: string;
  type: "DIVIDEND" | "INTEREST";
  symbol: string;
  date: string;
  amountMinor: bigint;
  currency: string;
}

export interface LotRow {
  saleId: string;
  seq: number;
  userId: string;
  portfolioId: string;
  securityId: string;
  symbol: string;
  openedBy: string;
  acquiredOn: string;
  soldOn: string;
  quantity: string;
  costMinor: bigint;
  proceedsMinor: bigint;
  gainMinor: bigint;
  term: "SHORT" | "LONG";
  currency: string;
}

export interface ReadModelRows {
  categories: CategoryRow[];
  lines: LineRow[];
  income: IncomeRow[];
  lots: LotRow[];
}

type Treatment = "TAXABLE_INCOME" | "ADJUSTMENT" | "DEDUCTION" | "STATE_AND_LOCAL_TAX" | "MEDICAL" | "TAX_PAYMENT" | "NONE";

interface CategorySpec {
  name: string;
  kind: "INCOME" | "EXPENSE";
  /** What the subgraph must make of it: from the name's keywords, the parent, the kind, or the profile's override. */
  treatment: Treatment;
  /** Transactions per thousand. */
  weight: number;
  /** Amount range in dollars. */
  min: number;
  max: number;
  parent?: string;
  /** Set on the tax profile (the default would be another treatment). */
  override?: boolean;
}

const NONE_EXPENSES = [
  "Supermarket",
  "Dining out",
  "Coffee",
  "Gasoline",
  "Parking",
  "Taxi",
  "Trains",
  "Clothing",
  "Electronics",
  "Books",
  "Streaming",
  "Phone",
  "Internet",
  "Home repairs",
  "Pets",
  "Gym",
  "Travel",
  "Childcare",
];

/** 40 categories: income, adjustments, deductions, SALT, medical, tax payments and everyday spending that does not count. */
const SPECS: CategorySpec[] = [
  { name: "Wages", kind: "INCOME", treatment: "TAXABLE_INCOME", weight: 10, min: 250, max: 550 },
  { name: "Bonus", kind: "INCOME", treatment: "TAXABLE_INCOME", weight: 1, min: 100, max: 500 },
  { name: "Freelance", kind: "INCOME", treatment: "TAXABLE_INCOME", weight: 4, min: 50, max: 300 },
  { name: "Rental income", kind: "INCOME", treatment: "TAXABLE_INCOME", weight: 2, min: 100, max: 200 },
  { name: "Side gigs", kind: "INCOME", treatment: "TAXABLE_INCOME", weight: 2, min: 20, max: 80 },
  { name: "Hobby sales", kind: "INCOME", treatment: "NONE", weight: 2, min: 10, max: 60, override: true },
  { name: "Gifts received", kind: "INCOME", treatment: "NONE", weight: 1, min: 20, max: 200 },
  { name: "Transfers in", kind: "INCOME", treatment: "NONE", weight: 3, min: 50, max: 500 },
  { name: "Federal tax withheld", kind: "EXPENSE", treatment: "TAX_PAYMENT", weight: 10, min: 60, max: 140 },
  { name: "Estimated tax payments", kind: "EXPENSE", treatment: "TAX_PAYMENT", weight: 0.5, min: 500, max: 1500 },
  { name: "IRA contributions", kind: "EXPENSE", treatment: "ADJUSTMENT", weight: 1, min: 50, max: 90 },
  { name: "HSA", kind: "EXPENSE", treatment: "ADJUSTMENT", weight: 1, min: 30, max: 80 },
  { name: "Property tax", kind: "EXPENSE", treatment: "STATE_AND_LOCAL_TAX", weight: 0.5, min: 500, max: 1500 },
  { name: "State income tax", kind: "EXPENSE", treatment: "STATE_AND_LOCAL_TAX", weight: 10, min: 20, max: 60 },
  { name: "Charity", kind: "EXPENSE", treatment: "DEDUCTION", weight: 3, min: 10, max: 200 },
  { name: "Church", kind: "EXPENSE", treatment: "DEDUCTION", weight: 2, min: 10, max: 50, parent: "Charity" },
  { name: "Mortgage interest", kind: "EXPENSE", treatment: "DEDUCTION", weight: 1, min: 800, max: 1200 },
  { name: "Home office", kind: "EXPENSE", treatment: "DEDUCTION", weight: 1, min: 20, max: 100, override: true },
  { name: "Medical bills", kind: "EXPENSE", treatment: "MEDICAL", weight: 3, min: 20, max: 300 },
  { name: "Dentist", kind: "EXPENSE", treatment: "MEDICAL", weight: 1, min: 50, max: 400, parent: "Medical bills" },
  { name: "Pharmacy", kind: "EXPENSE", treatment: "MEDICAL", weight: 5, min: 5, max: 60 },
  { name: "Health insurance", kind: "EXPENSE", treatment: "MEDICAL", weight: 2, min: 200, max: 400 },
  ...NONE_EXPENSES.map((name) => ({ name, kind: "EXPENSE" as const, treatment: "NONE" as const, weight: 50, min: 3, max: 120 })),
];
/** Lines without a category: income counts as taxable, expenses do not count. */
const UNCATEGORISED_INCOME_WEIGHT = 2;
const UNCATEGORISED_EXPENSE_WEIGHT = 20;

/** A small deterministic generator, so every run has the same data. */
export function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const DAY_MS = 86_400_000;
const dayOf = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** Whole dollars in [min, max) with random cents, in minor units. */
const cents = (random: () => number, min: number, max: number) => BigInt(Math.floor((min + random() * (max - min)) * 100));

/** What the summary of `year` must show, summed from the rows (amounts in minor units of USD). */
export interface ExpectedYear {
  byTreatment: Record<Treatment, bigint>;
  interestMinor: bigint;
  dividendsMinor: bigint;
  shortTermMinor: bigint;
  longTermMinor: bigint;
  /** Lines, income and lots in another currency without a USD amount. */
  unconverted: number;
  /** Categories in the summary's list (those that count and have lines in the year), uncategorised income included. */
  countedCategories: number;
  /** The report's rows after the header: the summary's figures, then every counted line, payment and lot. */
  reportRows: number;
}

/** The report's SUMMARY rows before the items (see subgraphs/tax/report/year-report.ts). */
const REPORT_FIGURES = 23;

export interface BenchYear {
  rows: ReadModelRows;
  /** Categories the profile sets a treatment on, by id. */
  overrides: Array<{ categoryId: string; treatment: Treatment }>;
  expected: ExpectedYear;
  /** Rows written outside the year (so the year's bounds are exercised). */
  otherYears: { lines: number; lots: number; income: number };
}

/**
 * One user's `transactions` ledger transactions in `year` (5 % of the expenses split in two lines, 2 %
 * of them refunds, 1.5 % in EUR with a USD base amount and 0.3 % in EUR without one), `lots` realized
 * lots and a dividend or interest payment per ten lots; plus a tenth as much in the years around it.
 */
export function benchYear(userId: string, year: number, transactions: number, lots: number, seed = 42): BenchYear {
  const random = generator(seed);
  const categories: CategoryRow[] = [];
  const byName = new Map<string, CategoryRow>();
  for (const spec of SPECS) {
    const row: CategoryRow = { id: randomUUID(), userId, parentId: null, name: spec.name, kind: spec.kind };
    if (spec.parent) row.parentId = byName.get(spec.parent)!.id;
    categories.push(row);
    byName.set(spec.name, row);
  }
  const treatmentOf = new Map<string | null, Treatment>(SPECS.map((s) => [byName.get(s.name)!.id, s.treatment]));
  const picks: Array<{ spec: CategorySpec | null; kind: "INCOME" | "EXPENSE"; weight: number }> = [
    ...SPECS.map((spec) => ({ spec, kind: spec.kind, weight: spec.weight })),
    { spec: null, kind: "INCOME", weight: UNCATEGORISED_INCOME_WEIGHT },
    { spec: null, kind: "EXPENSE", weight: UNCATEGORISED_EXPENSE_WEIGHT },
  ];
  const totalWeight = picks.reduce((sum, p) => sum + p.weight, 0);
  const pick = () => {
    let r = random() * totalWeight;
    for (const p of picks) if ((r -= p.weight) < 0) return p;
    return picks[picks.length - 1]!;
  };
  const expenseSpecs = SPECS.filter((s) => s.kind === "EXPENSE");

  const expected: ExpectedYear = {
    byTreatment: { TAXABLE_INCOME: 0n, ADJUSTMENT: 0n, DEDUCTION: 0n, STATE_AND_LOCAL_TAX: 0n, MEDICAL: 0n, TAX_PAYMENT: 0n, NONE: 0n },
    interestMinor: 0n,
    dividendsMinor: 0n,
    shortTermMinor: 0n,
    longTermMinor: 0n,
    unconverted: 0,
    countedCategories: 0,
    reportRows: REPORT_FIGURES,
  };
  const counted = new Set<string>();
  const first = dayOf(`${year}-01-01`);
  const days = dayOf(`${year + 1}-01-01`) - first;
  const inYear = (date: string) => date.startsWith(`${year}-`);
  const otherYears = { lines: 0, lots: 0, income: 0 };

  const lines: LineRow[] = [];
  const addLine = (row: LineRow) => {
    lines.push(row);
    if (!inYear(row.date)) {
      otherYears.lines++;
      return;
    }
    const treatment = treatmentOf.get(row.categoryId) ?? (row.kind === "INCOME" ? "TAXABLE_INCOME" : "NONE");
    if (treatment !== "NONE") expected.reportRows++;
    const usd = row.currency === "USD" ? row.amountMinor : row.baseCurrency === "USD" ? row.baseAmountMinor : null;
    if (usd === null) {
      expected.unconverted++;
      return;
    }
    // Income counts as received; everything else as paid (expenses are negative, refunds positive).
    expected.byTreatment[treatment] += treatment === "TAXABLE_INCOME" ? usd : -usd;
    if (treatment !== "NONE") counted.add(row.categoryId ?? `uncategorised:${row.kind}`);
  };
  const extra = Math.ceil(transactions / 10);
  for (let t = 0; t < transactions + extra; t++) {
    // The extra tenth falls in December before and January after the year.
    const day = t < transactions ? first + Math.floor(random() * days) : t % 2 === 0 ? first - 1 - (t % 31) : first + days + (t % 31);
    const choice = pick();
    const spec = choice.spec ?? { name: "", kind: choice.kind, min: 5, max: 100 };
    const refund = choice.kind === "EXPENSE" && random() < 0.02;
    const roll = random();
    const currency = roll < 0.018 ? "EUR" : "USD";
    const withBase = roll < 0.015;
    const split = choice.kind === "EXPENSE" && !refund && random() < 0.05;
    const parts = split ? [spec, expenseSpecs[Math.floor(random() * expenseSpecs.length)]!] : [spec];
    const transactionId = randomUUID();
    parts.forEach((part, line) => {
      const magnitude = cents(random, part.min, part.max);
      // A refund of an expense is money in: the ledger posts it as income in the expense's category.
      const kind = refund ? "INCOME" : choice.kind;
      const amountMinor = kind === "INCOME" ? magnitude : -magnitude;
      addLine({
        transactionId,
        line,
        userId,
        kind,
        date: dateOf(day),
        payee: `${part.name || "Misc"} ${t % 97}`,
        categoryId: line === 0 && !choice.spec ? null : byName.get(part.name)!.id,
        amountMinor,
        currency,
        baseAmountMinor: currency === "EUR" && withBase ? (amountMinor * 108n) / 100n : null,
        baseCurrency: currency === "EUR" && withBase ? "USD" : null,
      });
    });
  }

  const portfolios = [randomUUID(), randomUUID()];
  const securities = Array.from({ length: 40 }, (_, i) => ({ id: randomUUID(), symbol: `S${String(i).padStart(2, "0")}` }));
  const lotRows: LotRow[] = [];
  const extraLots = Math.ceil(lots / 10);
  let sale = { id: randomUUID(), seq: 0 };
  for (let i = 0; i < lots + extraLots; i++) {
    if (sale.seq >= 3 || random() < 0.5) sale = { id: randomUUID(), seq: 0 };
    const soldDay = i < lots ? first + Math.floor(random() * days) : first - 1 - Math.floor(random() * 300);
    // Clear of the one-year line either way: short is held up to 360 days, long from 370.
    const long = random() < 0.5;
    const held = long ? 370 + Math.floor(random() * 1500) : 10 + Math.floor(random() * 350);
    const costMinor = cents(random, 500, 20_000);
    const proceedsMinor = (costMinor * BigInt(75 + Math.floor(random() * 60))) / 100n;
    const security = securities[Math.floor(random() * securities.length)]!;
    const row: LotRow = {
      saleId: sale.id,
      seq: sale.seq++,
      userId,
      portfolioId: portfolios[i % 2]!,
      securityId: security.id,
      symbol: security.symbol,
      openedBy: randomUUID(),
      acquiredOn: dateOf(soldDay - held),
      soldOn: dateOf(soldDay),
      quantity: `${1 + Math.floor(random() * 50)}.${Math.floor(random() * 1000)}`,
      costMinor,
      proceedsMinor,
      gainMinor: proceedsMinor - costMinor,
      term: long ? "LONG" : "SHORT",
      currency: random() < 0.02 ? "EUR" : "USD",
    };
    lotRows.push(row);
    if (!inYear(row.soldOn)) otherYears.lots++;
    else {
      expected.reportRows++;
      if (row.currency !== "USD") expected.unconverted++;
      else if (long) expected.longTermMinor += row.gainMinor;
      else expected.shortTermMinor += row.gainMinor;
    }
  }

  const income: IncomeRow[] = [];
  const payments = Math.ceil(lots / 10);
  for (let i = 0; i < payments + Math.ceil(payments / 10); i++) {
    const interest = i % 8 === 0;
    const row: IncomeRow = {
      transactionId: randomUUID(),
      userId,
      portfolioId: portfolios[i % 2]!,
      type: interest ? "INTEREST" : "DIVIDEND",
      symbol: interest ? "CASH" : securities[i % securities.length]!.symbol,
      date: dateOf(i < payments ? first + Math.floor(random() * days) : first - 1 - Math.floor(random() * 300)),
      amountMinor: interest ? cents(random, 10, 60) : cents(random, 5, 400),
      currency: !interest && random() < 0.02 ? "EUR" : "USD",
    };
    income.push(row);
    if (!inYear(row.date)) otherYears.income++;
    else {
      expected.reportRows++;
      if (row.currency !== "USD") expected.unconverted++;
      else if (interest) expected.interestMinor += row.amountMinor;
      else expected.dividendsMinor += row.amountMinor;
    }
  }

  expected.countedCategories = counted.size;
  const overrides = SPECS.filter((s) => s.override).map((s) => ({ categoryId: byName.get(s.name)!.id, treatment: s.treatment }));
  return { rows: { categories, lines, income, lots: lotRows }, overrides, expected, otherYears };
}

/** Gross income as the summary must show it, with the net capital loss limited to `lossLimitMinor`. */
export function expectedGrossIncome(e: ExpectedYear, lossLimitMinor: bigint): bigint {
  const net = e.shortTermMinor + e.longTermMinor;
  const capital = net > 0n ? net : -(-net < lossLimitMinor ? -net : lossLimitMinor);
  return e.byTreatment.TAXABLE_INCOME + e.interestMinor + e.dividendsMinor + capital;
}

/** A user of the estimate job: a salary, its withholding, groceries, a little charity and a few short-term sales. */
export interface JobUser {
  userId: string;
  salaryMinor: bigint;
  withheldMinor: bigint;
  /** Net short-term gain (negative: a loss). */
  gainMinor: bigint;
}

/**
 * `count` users with `linesPerUser` ledger lines each in `year` (12 salary payments, 12 withholdings,
 * the rest groceries and charity) and 5 short-term lots, no profile (a single US filer), so each
 * estimate is the calculator on salary + gains − the standard deduction.
 */
export function jobUsers(count: number, year: number, linesPerUser: number, seed = 7): { users: JobUser[]; rows: ReadModelRows } {
  const random = generator(seed);
  const rows: ReadModelRows = { categories: [], lines: [], income: [], lots: [] };
  const users: JobUser[] = [];
  const first = dayOf(`${year}-01-01`);
  for (let u = 0; u < count; u++) {
    const userId = randomUUID();
    const category = (name: string, kind: "INCOME" | "EXPENSE") => {
      const row: CategoryRow = { id: randomUUID(), userId, parentId: null, name, kind };
      rows.categories.push(row);
      return row.id;
    };
    const salary = category("Salary", "INCOME");
    const withheld = category("Federal tax withheld", "EXPENSE");
    const groceries = category("Groceries", "EXPENSE");
    const charity = category("Charity", "EXPENSE");
    const user: JobUser = { userId, salaryMinor: 0n, withheldMinor: 0n, gainMinor: 0n };
    for (let i = 0; i < linesPerUser; i++) {
      const month = i % 12;
      const [categoryId, kind, magnitude] =
        i < 12
          ? ([salary, "INCOME", cents(random, 2_500, 20_000)] as const)
          : i < 24
            ? ([withheld, "EXPENSE", cents(random, 200, 3_000)] as const)
            : i % 5 === 0
              ? ([charity, "EXPENSE", cents(random, 20, 300)] as const)
              : ([groceries, "EXPENSE", cents(random, 20, 200)] as const);
      if (categoryId === salary) user.salaryMinor += magnitude;
      if (categoryId === withheld) user.withheldMinor += magnitude;
      rows.lines.push({
        transactionId: randomUUID(),
        line: 0,
        userId,
        kind,
        date: dateOf(dayOf(`${year}-${String(month + 1).padStart(2, "0")}-01`) + Math.floor(random() * 28)),
        payee: `Payee ${i}`,
        categoryId,
        amountMinor: kind === "INCOME" ? magnitude : -magnitude,
        currency: "USD",
        baseAmountMinor: null,
        baseCurrency: null,
      });
    }
    const portfolioId = randomUUID();
    const securityId = randomUUID();
    for (let i = 0; i < 5; i++) {
      const soldDay = first + Math.floor(random() * 360);
      const costMinor = cents(random, 500, 5_000);
      const proceedsMinor = (costMinor * BigInt(80 + Math.floor(random() * 50))) / 100n;
      user.gainMinor += proceedsMinor - costMinor;
      rows.lots.push({
        saleId: randomUUID(),
        seq: 0,
        userId,
        portfolioId,
        securityId,
        symbol: "JOB",
        openedBy: randomUUID(),
        acquiredOn: dateOf(soldDay - 30),
        soldOn: dateOf(soldDay),
        quantity: "10",
        costMinor,
        proceedsMinor,
        gainMinor: proceedsMinor - costMinor,
        term: "SHORT",
        currency: "USD",
      });
    }
    users.push(user);
  }
  return { users, rows };
}

/**
 * Several users' rows as one write, their ledger lines interleaved one by one: users post through
 * the year side by side, so one user's lines are spread over the table's pages, not packed together.
 */
export function interleaved(all: readonly ReadModelRows[]): ReadModelRows {
  const lines: LineRow[] = [];
  const longest = Math.max(0, ...all.map((rows) => rows.lines.length));
  for (let i = 0; i < longest; i++) for (const rows of all) if (i < rows.lines.length) lines.push(rows.lines[i]!);
  return {
    categories: all.flatMap((rows) => rows.categories),
    lines,
    income: all.flatMap((rows) => rows.income),
    lots: all.flatMap((rows) => rows.lots),
  };
}
