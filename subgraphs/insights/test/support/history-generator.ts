// Test and benchmark support: a seeded, realistic categorized history of one user. Bills come on
// their days each month (rent, salary twice a month, utilities, subscriptions, insurance...),
// everyday spending arrives at random (a Poisson number per category per day) at chains and at
// local businesses whose names are made up of shared parts, printed the way banks print them
// (history-descriptors.ts). The same seed always gives the same history.
import {
  BILLS,
  type BillSpec,
  CATEGORIES,
  type CategorySpec,
  GENERIC_NOTE_SHARE,
  GENERIC_NOTES,
  HOME_CITIES,
  MANUAL_SLIP_SHARE,
  NAME_PARTS,
  NEIGHBOURS,
  PEOPLE,
  type Processor,
  TRAVEL_CITIES,
} from "./history-catalogue.js";
import { digits, type Location, type Merchant, pick, pickBank, printPayee, type Random } from "./history-descriptors.js";
import { SeededRandom } from "./seeded-random.js";

export interface HistoryTransaction {
  id: string;
  date: string;
  payee: string;
  notes: string;
  /** Signed: expenses negative, income and refunds positive. */
  amountMinor: bigint;
  categoryId: string;
  /** Who chose the category: one of the user's rules, or the user. */
  categorizedBy: "RULE" | "MANUAL";
  /** The merchant's own name, the same however the payee was printed: ground truth for grouping. */
  merchant: string;
}

export interface HistoryOptions {
  seed: number;
  /** Number of transactions; the history lasts as many days as it takes (about 100 a month). */
  count: number;
  /** First day, "YYYY-MM-DD". */
  start?: string;
  /**
   * Spread `count` over about this many days by making everyday spending more frequent (never
   * less); bills stay monthly. A benchmark's 100,000 transactions over five years need it.
   */
  days?: number;
}

export const HISTORY_CATEGORY_IDS: readonly string[] = CATEGORIES.map((c) => c.id);
const CATEGORY_BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));

/** Seeded floats in [0, 1), from the one PRNG of insights' generated histories (seeded-random.ts). */
export function seededRandom(seed: number): Random {
  const random = new SeededRandom(seed);
  return () => random.next();
}

export function generateHistory({ seed, count, start = "2020-01-01", days }: HistoryOptions): HistoryTransaction[] {
  const random = seededRandom(seed);
  const everydayPerDay = CATEGORIES.reduce((sum, c) => sum + c.perDay, 0);
  const billsPerDay = BILLS.reduce((sum, b) => sum + 1 / (b.everyMonths ?? 1), 0) / 30.44;
  const scale = days === undefined ? 1 : Math.max(1, (count / days - billsPerDay) / everydayPerDay);
  const everyday = CATEGORIES.filter((c) => c.perDay > 0).map((category) => everydayCategory(category, random));
  const history: HistoryTransaction[] = [];
  const add = (date: string, merchant: Merchant, amountMinor: bigint, localName: () => string) => {
    history.push({
      id: `t${String(history.length + 1).padStart(6, "0")}`,
      date,
      payee: printPayee(merchant, date, random, localName),
      notes: noteFor(CATEGORY_BY_ID.get(merchant.categoryId)!, random),
      amountMinor,
      categoryId:
        merchant.ruled || random() >= MANUAL_SLIP_SHARE ? merchant.categoryId : (NEIGHBOURS[merchant.categoryId] ?? merchant.categoryId),
      categorizedBy: merchant.ruled ? "RULE" : "MANUAL",
      merchant: merchant.spec.name,
    });
  };

  const bills = billMerchants(random);
  const person = () => pick(random, PEOPLE)!;
  for (let day = new Date(`${start}T00:00:00Z`), month = 0; history.length < count; day = new Date(day.getTime() + 86_400_000)) {
    const date = day.toISOString().slice(0, 10);
    if (day.getUTCDate() === 1 && date !== start) month++;
    const lastDay = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
    for (const { spec, merchant } of bills) {
      if (day.getUTCDate() !== Math.min(spec.day, lastDay) || month % (spec.everyMonths ?? 1) !== 0) continue;
      // About once in three years a biller changes how it prints (a new payment processor, paid from another card).
      if (random() < 1 / 36) merchant.fixed = { template: merchant.fixed!.template + 1, bank: pickBank(random) };
      add(date, merchant, billAmount(spec, month, random), person);
    }
    for (const { category, chains, locals, visited } of everyday) {
      for (let n = poisson(category.perDay * scale, random); n > 0; n--) {
        const local = locals.length > 0 && random() < category.localMerchants!.share;
        const merchant = local ? localVisit(locals, visited, random) : byWeight(chains, random);
        const [low, high] = merchant.spec.amount ?? category.amount;
        const size = BigInt(logUniform(low, high, random));
        const refund = random() < (category.refundShare ?? 0);
        add(date, merchant, category.income || refund ? size : -size, () =>
          locals.length > 0 ? zipf(locals, random).spec.name : person(),
        );
      }
    }
  }
  return history.slice(0, count);
}

interface Everyday {
  category: CategorySpec;
  chains: Merchant[];
  locals: Merchant[];
  /** Local businesses already visited, in the order they were found. */
  visited: Merchant[];
}

/** Merchants sold in several categories (Amazon, Target) are never under a rule: a rule would pick one category for all. */
const SHARED_NAMES = new Set(CATEGORIES.flatMap((c) => c.merchants.map((m) => m.name)).filter((name, i, all) => all.indexOf(name) !== i));

function everydayCategory(category: CategorySpec, random: Random): Everyday {
  const cities = category.id === "travel" ? TRAVEL_CITIES : HOME_CITIES;
  const chains = category.merchants.map((spec): Merchant => ({
    spec,
    categoryId: category.id,
    locations: places(spec.locations ?? 0, cities, random),
    processor: spec.processor,
    ruled: !SHARED_NAMES.has(spec.name) && random() < category.ruleShare,
  }));
  const names = new Set<string>();
  const local = category.localMerchants;
  while (local && names.size < local.count) {
    const type = pick(random, local.types)!;
    const first = pick(random, NAME_PARTS.first)!;
    const second = pick(random, NAME_PARTS.second)!;
    // A quarter of them say nothing of what they sell ("GOLDEN SPARROW"): only the amount and the habits tell.
    const roll = random();
    names.add(
      roll < 0.25
        ? `${first} ${second}`
        : roll < 0.45
          ? `${type} ${second}`
          : roll < 0.7
            ? `${first} ${second} ${type}`
            : `${second} ${type}`,
    );
  }
  const locals = [...names].map((name): Merchant => ({
    spec: { name, weight: 1, locations: 1 },
    categoryId: category.id,
    locations: places(1, cities, random),
    processor: random() < 0.6 ? pick<Processor>(random, local?.processors ?? []) : undefined,
    ruled: random() < category.ruleShare / 3,
  }));
  return { category, chains, locals, visited: [] };
}

function billMerchants(random: Random): Array<{ spec: BillSpec; merchant: Merchant }> {
  return BILLS.map((spec) => ({
    spec,
    merchant: {
      spec: spec.merchant,
      categoryId: spec.categoryId,
      locations: places(spec.merchant.locations ?? 0, HOME_CITIES, random),
      processor: spec.merchant.processor,
      ruled: random() < CATEGORY_BY_ID.get(spec.categoryId)!.ruleShare,
      fixed: { template: 0, bank: pickBank(random) },
    },
  }));
}

function places(count: number, cities: readonly string[], random: Random): Location[] {
  return Array.from({ length: count }, () => ({ store: digits(random, 3 + Math.floor(random() * 3)), city: pick(random, cities)! }));
}

/** The bill's amount in `month` (counted from the start): drawn in its range, raised by `yearlyRise` % each full year. */
function billAmount(spec: BillSpec, month: number, random: Random): bigint {
  const [low, high] = spec.amount;
  let amount = BigInt(low + Math.floor(random() * (high - low + 1)));
  for (let year = 0; year < Math.floor(month / 12); year++) amount = (amount * BigInt(100 + (spec.yearlyRise ?? 0)) + 50n) / 100n;
  return spec.categoryId === "salary" ? amount : -amount;
}

function noteFor(category: CategorySpec, random: Random): string {
  if (random() < category.notes.share) return pick(random, category.notes.phrases) ?? "";
  return random() < GENERIC_NOTE_SHARE ? pick(random, GENERIC_NOTES)! : "";
}

/** Knuth's method: fine for daily rates up to a few dozen. */
function poisson(rate: number, random: Random): number {
  const limit = Math.exp(-rate);
  let n = 0;
  for (let p = random(); p > limit; p *= random()) n++;
  return n;
}

/** A whole number of minor units between `low` and `high`, uniform on a log scale: small purchases are more common than large ones. */
function logUniform(low: number, high: number, random: Random): number {
  return Math.round(low * Math.pow(high / low, random()));
}

function byWeight(merchants: readonly Merchant[], random: Random): Merchant {
  const total = merchants.reduce((sum, m) => sum + m.spec.weight, 0);
  let roll = random() * total;
  for (const merchant of merchants) {
    roll -= merchant.spec.weight;
    if (roll < 0) return merchant;
  }
  return merchants.at(-1)!;
}

/** Share of visits to local businesses that go to one never visited before, while there are any left. */
const NEW_PLACE_SHARE = 0.2;

/** A new place now and then; otherwise a known one, the first found most often (they became the regulars). */
function localVisit(locals: readonly Merchant[], visited: Merchant[], random: Random): Merchant {
  if (visited.length < locals.length && (visited.length === 0 || random() < NEW_PLACE_SHARE)) {
    const found = locals[visited.length]!;
    visited.push(found);
    return found;
  }
  return zipf(visited, random);
}

/** The i-th local business is visited about 1/(i+1) as often as the first: a few regulars and a long tail. */
function zipf(merchants: readonly Merchant[], random: Random): Merchant {
  const total = merchants.reduce((sum, _m, i) => sum + 1 / (i + 1), 0);
  let roll = random() * total;
  for (const [i, merchant] of merchants.entries()) {
    roll -= 1 / (i + 1);
    if (roll < 0) return merchant;
  }
  return merchants.at(-1)!;
}
