// Test support only: a seeded, realistic history of a few years of one person's money (pay, rent,
// bills, groceries, restaurants, coffee, fuel, online shopping, trips, small new shops) with
// planted cases whose answers are known: subscriptions (one with a price increase, one cancelled,
// one on the 31st, a yearly one at a busy shop), duplicate charges, unusual amounts, first payees
// with large amounts and a category spike. Recall and false positives are measured against them.
import type { AnomalyKind } from "../../anomalies/anomaly.js";
import { dateOfDayNumber, dayNumber, monthOf } from "../../history/day-number.js";
import type { HistoryItem, HistoryKind } from "../../history/history-item.js";
import type { Cadence } from "../../recurring/cadence.js";
import { dailyDates, merchantKeyOf, monthlyDates } from "./history-items.js";
import { SeededRandom } from "./seeded-random.js";

export interface ExpectedSeries {
  readonly merchantKey: string;
  readonly kind: HistoryKind;
  readonly cadence: Cadence;
  readonly active: boolean;
  readonly priceIncrease?: { readonly date: string; readonly fromAmountMinor: bigint; readonly toAmountMinor: bigint };
}

export interface PlantedHistory {
  readonly today: string;
  readonly items: readonly HistoryItem[];
  readonly expectedSeries: readonly ExpectedSeries[];
  /** Real bills of varying amounts: a series found there is neither a hit nor a false one. */
  readonly toleratedMerchants: ReadonlySet<string>;
  /** The key each planted anomaly must be reported under. */
  readonly plantedKeys: ReadonlyMap<string, AnomalyKind>;
  /** Every transaction added by a plant (both of a duplicate pair, every extra expense of a spike). */
  readonly plantedTransactionIds: ReadonlySet<string>;
}

interface Draft {
  date: string;
  payee: string;
  amountMinor: bigint;
  categoryId: string | null;
  kind: HistoryKind;
  account: string;
  seq: number;
  id?: string;
}

const TODAY = "2025-06-30";
const DAY = (date: string) => dayNumber(date);

/** A payee as banks write it: the same merchant with a changing store or reference number. */
const noisy = (random: SeededRandom, name: string) => (random.chance(0.5) ? `${name} #${random.int(10, 9999)}` : name);

const RESTAURANTS = [
  "Joe's Diner",
  "Pho Saigon",
  "Tacos El Gordo",
  "Sushi Ran",
  "Pizza Napoletana",
  "The Burger Joint",
  "Thai Basil",
  "Olive Garden",
  "Chipotle",
  "Panera Bread",
  "Shake Shack",
  "Curry House",
];
const GROCERS = ["WHOLE FOODS MKT", "TRADER JOE'S", "SAFEWAY"];
const STORES = ["TARGET", "MACY'S", "H&M", "REI", "IKEA", "BEST BUY", "HOME DEPOT", "UNIQLO", "SEPHORA", "BARNES & NOBLE"];
const COFFEE_MENU = [395n, 450n, 525n, 575n, 650n, 725n];
const SMALL_SHOP_WORDS = ["Corner", "Garden", "Harbor", "Maple", "Sunset", "River", "Oak", "Pine", "Bay", "Hill", "Lake", "Cedar"];

export function generatePlantedHistory(seed: number, years = 3): PlantedHistory {
  const random = new SeededRandom(seed);
  const drafts: Draft[] = [];
  const start = dateOfDayNumber(DAY(TODAY) - Math.round(365.25 * years) + 1);
  const add = (
    date: string,
    payee: string,
    amountMinor: bigint,
    categoryId: string | null,
    kind: HistoryKind = amountMinor < 0n ? "EXPENSE" : "INCOME",
  ) => {
    const draft: Draft = {
      date,
      payee,
      amountMinor,
      categoryId,
      kind,
      account: kind === "INCOME" ? "checking" : random.pick(["checking", "card"]),
      seq: drafts.length,
    };
    if (date >= start && date <= TODAY) drafts.push(draft);
    return draft;
  };
  /** A biller posts on the due date, or a day or two late. */
  const posted = (date: string) => dateOfDayNumber(DAY(date) + random.pick([0, 0, 0, 0, 0, 0, 0, 1, 1, 2]));

  const expectedSeries: ExpectedSeries[] = [];
  const recurring = (
    payee: string,
    dates: readonly string[],
    amount: (date: string) => bigint,
    categoryId: string,
    cadence: Cadence,
    active = true,
  ) => {
    for (const date of dates) add(posted(date), noisy(random, payee), amount(date), categoryId);
    expectedSeries.push({ merchantKey: merchantKeyOf(payee), kind: amount(dates[0]!) < 0n ? "EXPENSE" : "INCOME", cadence, active });
  };
  const months = (from: string, until = TODAY) => monthlyDates(from, 60).filter((d) => d <= until);
  const firstMonth = (day: number) => `${monthOf(start)}-${String(day).padStart(2, "0")}`;

  // Pay, rent, bills and subscriptions.
  recurring("ACME CORP PAYROLL", dailyDates("2022-07-08", 90, 14), () => 245_000n, "salary", "BIWEEKLY");
  recurring("PROPERTY MGMT LLC", months(firstMonth(1)), () => -165_000n, "housing", "MONTHLY");
  recurring("VERIZON WIRELESS", months(firstMonth(22)), () => -6_500n, "phone", "MONTHLY");
  recurring("COMCAST CABLE", months(firstMonth(9)), () => -7_999n, "internet", "MONTHLY");
  recurring("SPOTIFY USA", months(firstMonth(3)), () => -1_099n, "subscriptions", "MONTHLY");
  recurring("APPLE.COM/BILL ICLOUD", months("2022-07-31"), () => -299n, "subscriptions", "MONTHLY");
  recurring("NYTIMES DIGITAL", dailyDates("2022-07-04", 157, 7), () => -400n, "subscriptions", "WEEKLY");
  recurring(
    "GEICO AUTO",
    months(firstMonth(15)).filter((_, i) => i % 3 === 0),
    () => -41_250n,
    "insurance",
    "QUARTERLY",
  );
  recurring("STATE FARM HOME", ["2022-09-20", "2023-09-20", "2024-09-20"], () => -118_400n, "insurance", "YEARLY");
  // A yearly membership at a shop the user buys from every few days.
  recurring("AMAZON.COM", ["2022-11-02", "2023-11-02", "2024-11-02"], () => -13_900n, "shopping", "YEARLY");
  // Cancelled nine months before today.
  recurring("PLANET FITNESS", months(firstMonth(17), "2024-09-30"), () => -2_499n, "fitness", "MONTHLY", false);
  // A price increase fourteen months before today.
  const increase = "2024-04-12";
  const netflix = (date: string) => (date < increase ? -1_549n : -1_799n);
  recurring("NETFLIX.COM", months(firstMonth(12)), netflix, "subscriptions", "MONTHLY");
  expectedSeries[expectedSeries.length - 1] = {
    ...expectedSeries.at(-1)!,
    priceIncrease: { date: increase, fromAmountMinor: 1_549n, toAmountMinor: 1_799n },
  };

  // Real bills whose amounts follow the weather.
  for (const date of months(firstMonth(26))) add(posted(date), "PG&E UTILITY", -random.minor(6_000n, 16_000n), "utilities");
  for (const date of months(firstMonth(5)).filter((_, i) => i % 3 === 1))
    add(posted(date), "CITY WATER DEPT", -random.minor(9_000n, 14_000n), "utilities");
  const toleratedMerchants = new Set(["PG&E UTILITY", "CITY WATER DEPT"].map(merchantKeyOf));

  // Everyday spending.
  let smallShop = 0;
  for (let day = DAY(start); day <= DAY(TODAY); day++) {
    const date = dateOfDayNumber(day);
    if (random.chance(0.3)) add(date, noisy(random, random.pick(GROCERS)), -random.minor(2_500n, 18_000n, 2), "groceries");
    if (random.chance(0.04)) add(date, "COSTCO WHSE #0412", -random.minor(8_000n, 30_000n), "groceries");
    if (random.chance(0.45))
      add(date, noisy(random, random.pick([...RESTAURANTS.slice(0, 4), ...RESTAURANTS])), -random.minor(1_200n, 8_500n, 2), "dining");
    if (random.chance(0.55))
      add(date, noisy(random, random.pick(["BLUE BOTTLE COFFEE", "STARBUCKS"])), -random.pick(COFFEE_MENU), "coffee");
    if (random.chance(0.13)) add(date, noisy(random, random.pick(["SHELL OIL", "CHEVRON"])), -random.minor(3_000n, 7_500n), "fuel");
    if (random.chance(0.3)) add(date, "AMAZON.COM", -random.minor(600n, 16_000n, 2), "shopping");
    if (random.chance(0.05)) add(date, noisy(random, random.pick(STORES)), -random.minor(1_500n, 25_000n, 2), "shopping");
    if (random.chance(0.12)) add(date, noisy(random, random.pick(["UBER TRIP", "LYFT RIDE"])), -random.minor(800n, 4_500n, 2), "transport");
    if (random.chance(0.05)) add(date, noisy(random, "CVS PHARMACY"), -random.minor(600n, 6_000n, 2), "health");
    if (random.chance(0.04))
      add(date, noisy(random, random.pick(["AMC THEATRES", "TICKETMASTER"])), -random.minor(1_200n, 18_000n, 2), "entertainment");
    if (random.chance(0.03))
      add(
        date,
        `${random.pick(SMALL_SHOP_WORDS)} ${random.pick(SMALL_SHOP_WORDS)} Shop ${alpha(smallShop++)}`,
        -random.minor(1_000n, 6_000n),
        "shopping",
      );
    if (random.chance(0.02)) add(date, "VENMO CASHOUT", random.minor(1_000n, 20_000n), "transfers-in", "INCOME");
    if (random.chance(0.006)) {
      add(date, random.pick(["DELTA AIR LINES", "UNITED AIRLINES", "ALASKA AIR"]), -random.minor(25_000n, 65_000n), "travel");
      add(
        dateOfDayNumber(day + random.int(10, 40)),
        random.pick(["MARRIOTT HOTELS", "HILTON HOTELS", "HYATT"]),
        -random.minor(18_000n, 70_000n),
        "travel",
      );
    }
    if (random.chance(0.006)) add(date, "BRIGHT SMILE DENTAL", -random.minor(15_000n, 40_000n), "health");
  }

  // Plants, on the last two years so each has a year of history behind it.
  const planted: { kind: AnomalyKind; drafts: Draft[]; categoryId?: string; month?: string }[] = [];
  const late = (from = 400) => dateOfDayNumber(DAY(start) + random.int(from, DAY(TODAY) - DAY(start) - 5));
  const everyday = drafts.filter(
    (d) =>
      ["groceries", "dining", "shopping", "fuel"].includes(d.categoryId ?? "") && DAY(d.date) > DAY(start) + 400 && d.date < "2025-06-25",
  );
  for (const original of [
    ...pickDistinctMerchants(random, everyday, 4),
    random.pick(drafts.filter((d) => d.payee.startsWith("SPOTIFY") && DAY(d.date) > DAY(start) + 400)),
  ]) {
    const copy = add(dateOfDayNumber(DAY(original.date) + random.int(0, 2)), original.payee, original.amountMinor, original.categoryId);
    planted.push({ kind: "DUPLICATE_CHARGE", drafts: [original, copy] });
  }
  const usual: [string, bigint, string][] = [
    ["BLUE BOTTLE COFFEE", 4_800n, "coffee"],
    ["SHELL OIL", 42_000n, "fuel"],
    ["Joe's Diner", 52_000n, "dining"],
    ["TRADER JOE'S", 95_000n, "groceries"],
    ["UBER TRIP", 31_000n, "transport"],
  ];
  for (const [payee, amount, categoryId] of usual)
    planted.push({ kind: "UNUSUAL_AMOUNT", drafts: [add(late(), noisy(random, payee), -amount, categoryId)] });
  for (const payee of ["CARTIER BOUTIQUE", "LUXE AUDIO SALON"]) {
    planted.push({ kind: "NEW_PAYEE_LARGE", drafts: [add(late(200), payee, -random.minor(180_000n, 350_000n), "shopping")] });
  }
  const spikeMonth = monthOf(late(450));
  const spike = Array.from({ length: 24 }, () =>
    add(
      `${spikeMonth}-${String(random.int(1, 28)).padStart(2, "0")}`,
      noisy(random, random.pick(RESTAURANTS)),
      -random.minor(2_500n, 6_500n),
      "dining",
    ),
  ).filter((d) => d.date <= TODAY);
  planted.push({ kind: "CATEGORY_SPIKE", drafts: spike, categoryId: "dining", month: spikeMonth });

  // Ids in history order, as a ledger would hand them out.
  const ordered = drafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
  ordered.forEach((draft, i) => (draft.id = `tx-${String(i).padStart(6, "0")}`));
  const items = ordered.map((d): HistoryItem => ({
    transactionId: d.id!,
    accountId: d.account,
    date: d.date,
    payee: d.payee,
    merchantKey: merchantKeyOf(d.payee),
    categoryId: d.categoryId,
    amountMinor: d.amountMinor,
    kind: d.kind,
  }));
  const plantedKeys = new Map<string, AnomalyKind>(
    planted.map((plant) => {
      const ids = plant.drafts.map((d) => d.id!);
      const key =
        plant.kind === "DUPLICATE_CHARGE"
          ? `duplicate:${ids[0]}:${ids[1]}`
          : plant.kind === "CATEGORY_SPIKE"
            ? `category-spike:${plant.categoryId}:${plant.month}`
            : `${plant.kind === "UNUSUAL_AMOUNT" ? "amount" : "new-payee"}:${ids[0]}`;
      return [key, plant.kind];
    }),
  );
  // The original of a duplicate pair is ordinary spending; only the copy was added.
  const plantedTransactionIds = new Set(
    planted.flatMap((plant) => (plant.kind === "DUPLICATE_CHARGE" ? plant.drafts.slice(1) : plant.drafts).map((d) => d.id!)),
  );
  return { today: TODAY, items, expectedSeries, toleratedMerchants, plantedKeys, plantedTransactionIds };
}

/** `count` drafts at different merchants, so no plant hides behind another at the same shop. */
function pickDistinctMerchants(random: SeededRandom, drafts: readonly Draft[], count: number): Draft[] {
  const chosen = new Map<string, Draft>();
  while (chosen.size < count) {
    const draft = random.pick(drafts);
    if (!chosen.has(merchantKeyOf(draft.payee))) chosen.set(merchantKeyOf(draft.payee), draft);
  }
  return [...chosen.values()];
}

/** A letters-only suffix: the stand-in normalizer drops digits, so numbered shops would merge. */
function alpha(n: number): string {
  let text = "";
  do {
    text = String.fromCharCode(97 + (n % 26)) + text;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return text;
}
