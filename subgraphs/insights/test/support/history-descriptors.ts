// Test support: how banks print a card payment, for the generated history (history-generator.ts).
// A merchant's name goes through its processor (Square, Toast, PayPal), gets a store number and a
// city, is cut to the card network's 22 characters, and is framed by the words of the bank whose
// card paid: the same coffee shop reads differently on each of the user's statements.
import { type MerchantSpec, PEOPLE, type Processor } from "./history-catalogue.js";

export type Random = () => number;

/** One physical place of a merchant. */
export interface Location {
  store: string;
  city: string;
}

/** A merchant as the generated user meets it. */
export interface Merchant {
  spec: MerchantSpec;
  categoryId: string;
  locations: readonly Location[];
  processor: Processor | undefined;
  /** Covered by one of the user's categorization rules. */
  ruled: boolean;
  /**
   * A bill is printed the same way every month (one template, one card) until the biller or the
   * card changes; everyday merchants vary per payment (several cards, several locations).
   */
  fixed?: { template: number; bank: number };
}

/** The card network's merchant-name field. */
const NAME_WIDTH = 22;

/** The user's cards, by share of payments, each with its bank's way of printing. */
const BANKS: ReadonlyArray<readonly [number, (text: string, date: string, random: Random) => string]> = [
  [0.45, (text) => text],
  [0.25, (text, date, random) => `PURCHASE AUTHORIZED ON ${monthDay(date, "/")} ${text} S${digits(random, 15)} CARD 4417`],
  [0.15, (text, date, random) => `CHECKCARD ${monthDay(date, "")} ${text} ${digits(random, 23)}`],
  [0.1, (text, _date, random) => `${random() < 0.5 ? "POS PURCHASE" : "POS DEBIT"} ${text}`],
  [0.05, (text) => titleCase(text)],
];

/**
 * The payee line of one payment to `merchant` on `date`. `localName` gives the name of a local
 * business of the same category, for marketplaces that print the restaurant they delivered from.
 */
export function printPayee(merchant: Merchant, date: string, random: Random, localName: () => string): string {
  const location = pick(random, merchant.locations);
  const { spec, fixed } = merchant;
  const template = spec.printed && (fixed ? spec.printed[fixed.template % spec.printed.length] : pick(random, spec.printed));
  const printed = template
    ? fill(template, location, date, random, localName)
    : withLocation(processed(spec.name, merchant.processor), location, random);
  if (spec.ach) return printed;
  return BANKS[fixed?.bank ?? pickBank(random)]![1](printed, date, random);
}

/** One of the user's cards, by its share of payments. */
export function pickBank(random: Random): number {
  let roll = random();
  for (const [i, [share]] of BANKS.entries()) {
    if (roll < share) return i;
    roll -= share;
  }
  return 0;
}

function processed(name: string, processor: Processor | undefined): string {
  const short = name.slice(0, NAME_WIDTH).trim();
  if (processor === "square") return `SQ *${short}`;
  if (processor === "toast") return `TST* ${short}`;
  if (processor === "paypal") return `PAYPAL *${name.replace(/[^A-Z0-9]/g, "").slice(0, 12)}`;
  return short;
}

function withLocation(text: string, location: Location | undefined, random: Random): string {
  if (!location) return text;
  const roll = random();
  if (roll < 0.35) return `${text} ${location.city}`;
  if (roll < 0.55) return `${text} #${location.store} ${location.city}`;
  if (roll < 0.75) return `${text} ${location.store} ${location.city}`;
  if (roll < 0.85) return `${text.padEnd(NAME_WIDTH + 3)}${location.city}`;
  return text;
}

function fill(template: string, location: Location | undefined, date: string, random: Random, localName: () => string): string {
  return template
    .replace("{city}", location?.city ?? "SAN FRANCISCO CA")
    .replace("{store}", location?.store ?? digits(random, 4))
    .replace("{id}", orderId(random))
    .replace("{ref}", digits(random, 10))
    .replace("{phone}", `8${digits(random, 2)}-${digits(random, 3)}-${digits(random, 4)}`)
    .replace("{person}", pick(random, PEOPLE)!)
    .replace("{local}", localName().slice(0, 16).trim())
    .replace("{date}", monthDay(date, "/"));
}

/** "2K4TY7"-like: what Amazon, Airbnb and others print per order. */
function orderId(random: Random): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  let id = "";
  while (!/\d.*\d/.test(id) || !/[A-Z]/.test(id) || id.length < 6) {
    id = Array.from({ length: 6 }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
  }
  return id;
}

export function digits(random: Random, count: number): string {
  return Array.from({ length: count }, () => Math.floor(random() * 10)).join("");
}

export function pick<T>(random: Random, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(random() * items.length)];
}

function monthDay(date: string, separator: string): string {
  return `${date.slice(5, 7)}${separator}${date.slice(8, 10)}`;
}

/** What an aggregator's "clean" name looks like: "Blue Bottle Coffee San Francisco Ca". */
function titleCase(text: string): string {
  return text.toLowerCase().replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
}
