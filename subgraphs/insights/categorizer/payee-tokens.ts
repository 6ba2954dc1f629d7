/*
 * Bank statements print the same merchant many ways: behind a card processor ("SQ *", "TST* "),
 * after the bank's own words ("PURCHASE AUTHORIZED ON 03/14"), with a store number, a phone
 * number, an order id, the city and the state. The categorizer and the recurring detection need
 * what stays the same from one visit to the next, so this strips what changes and keeps the words.
 * Everything here is a cheap rule on the text: no lookup service, no list of every merchant.
 */

/** At most this many tokens per field: a pasted essay in the notes must not slow a suggestion down. */
export const MAX_PAYEE_TOKENS = 16;
export const MAX_NOTE_TOKENS = 24;
/** Only the start of a text is read: the tokens kept come from there, and the patterns cost more on longer texts. */
export const MAX_TEXT_LENGTH = 400;
/** A merchant key keeps its first words only: banks append descriptors ("COMCAST CABLE COMM 800...") after the name. */
export const MERCHANT_KEY_WORDS = 3;

export interface PayeeTokens {
  /** The meaningful words, lowercase, without repeats, in the order printed. */
  tokens: string[];
  /** The merchant's name as a short stable key ("blue bottle"), or "" when nothing meaningful is left. */
  merchantKey: string;
}

/**
 * Bank and card-processor words at the start of a payee. Applied repeatedly, because they stack
 * ("POS PURCHASE SQ *BLUE BOTTLE"). Processor prefixes need their "*": "SQ" alone may be a name.
 */
const PREFIXES: readonly RegExp[] = [
  /^(?:recurring |debit card |check ?card |visa |pos |card )?(?:purchase|payment|pmt|pur)? ?(?:authorized|auth) on \d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*/,
  /^(?:pos|point of sale)(?: (?:purchase|debit|pur|withdrawal|sale))? /,
  /^(?:debit card|debit|dbt|check ?card|visa|mastercard|card)(?: (?:purchase|pur|pmt|payment|transaction|tran))?(?: \d{4}(?= ))? /,
  /^ach(?: (?:debit|credit|pmt|payment|withdrawal))? /,
  /^(?:sq|sqc|tst|toast|paypal|pp|sp|py|ctlp|in|ic|google|gglpay|bt|dd) ?\* ?/,
];

/** Amazon prints an order id after its marketplace name; the id is noise and the name is the merchant. */
const AMAZON = /^(?:amzn mktp us|amzn mktp|amazon mktpl(?:ace)?|amazon\.com|amzn\.com)(?: ?\* ?[a-z0-9]+)?/;

/** "help.uber.com", "amzn.com/bill": the domain's own label names the merchant; the rest is noise. */
const DOMAIN = /(?:https?:\/\/)?(?:[a-z0-9-]+\.)*([a-z0-9-]+)\.(?:com|net|org|io|co|us|tv|app)\b(?:\/\S*)?/g;
/** A masked or printed card or account number: "CARD 1234", "XXXX1234", "ACCT #1234". */
const CARD_NUMBER = /\b(?:card|acct|account)\s*(?:#|no\.?|ending(?: in)?)?\s*[x*]*\d{4}\b|\b[x*]{2,}\d{2,4}\b/g;
/** "THU 8PM" (ride-hailing receipts): changes every ride, names nothing. */
const TIME_OF_DAY = /\b(?:(?:mon|tue|wed|thu|fri|sat|sun) )?\d{1,2}(?::\d{2})?\s?(?:am|pm)\b/g;
/** Digits with separators: dates, phone numbers, store and reference numbers. */
const DIGIT_RUN = /(?<![a-z\d])\d[\d\-./()]*\d(?![a-z\d])/g;

/** A name with its store number glued on ("IMPARK509"); only first, where ids never stand. */
const GLUED_STORE = /^\p{L}{3,}\d{3,}$/u;

/** Where a store number or an id stood: the words between the last one and a state code are the city. */
const ANCHOR = "#";

const wordSet = (words: string): ReadonlySet<string> => new Set(words.split(" "));

const STATE_CODES = wordSet(
  "al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy",
);

/** Cities recognized without a store number before them. Only the big ones: an unknown city is one more weak token. */
const CITIES: readonly string[][] = (
  "new york,brooklyn,los angeles,san francisco,oakland,berkeley,san jose,san diego,sacramento,seattle,portland,chicago,boston," +
  "cambridge,austin,houston,dallas,denver,miami,atlanta,phoenix,philadelphia,washington,minneapolis,las vegas,salt lake city," +
  "detroit,nashville,new orleans,pittsburgh"
)
  .split(",")
  .map((city) => city.split(" "));

/** Two words before a state code starting or ending like these are taken for a city ("SAN MATEO", "DALY CITY"). */
const CITY_FIRST_WORDS = wordSet("san santa los las new fort ft saint st north south east west mount mt el");
const CITY_LAST_WORDS = wordSet("city beach park springs heights falls valley village hills island");

/** Words of the bank, not of the merchant. */
const NOISE_WORDS = wordSet(
  "purchase purchases pur pos debit dbt credit card checkcard visa mastercard ach ppd ccd web id ref trn txn recurring authorized auth on pending www com store transaction tran",
);

/** Words that can name a merchant's category but not the merchant: left out of the key only. */
const KEY_STOPWORDS = wordSet("the and of inc llc ltd co corp company usa payment pmt bill autopay online");

const ALIASES: ReadonlyMap<string, string> = new Map([["amzn", "amazon"]]);

const NOTE_STOPWORDS = wordSet(
  "a an the and or but for to of in on at with by from about as is are was were be been it its this that these those i me my we us our you your he him his she her they them their",
);

/** Lowercase without accents: "CAFÉ" and "Cafe" are one word. */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The payee's words and its merchant key. */
export function payeeTokens(payee: string): PayeeTokens {
  let text = foldText(payee.slice(0, MAX_TEXT_LENGTH)).replace(/\s+/g, " ").trim();
  for (let changed = true; changed;) {
    const before = text;
    for (const prefix of PREFIXES) text = text.replace(prefix, "").trimStart();
    changed = text !== before;
  }
  text = text.replace(AMAZON, "amazon ");
  const words = withoutPlace(rawTokens(text));
  const tokens = distinct(words.filter(isMeaningful).map((w) => ALIASES.get(w) ?? w)).slice(0, MAX_PAYEE_TOKENS);
  return { tokens, merchantKey: merchantKeyOf(tokens) };
}

/** The normalized merchant key of a payee (see `payeeTokens`). */
export function merchantKey(payee: string): string {
  return payeeTokens(payee).merchantKey;
}

/** The meaningful words of free text the user wrote: no stopwords, numbers, ids or single letters. */
export function noteTokens(notes: string): string[] {
  const words = rawTokens(foldText(notes.slice(0, MAX_TEXT_LENGTH))).filter((w) => !NOTE_STOPWORDS.has(w) && isMeaningful(w));
  return distinct(words).slice(0, MAX_NOTE_TOKENS);
}

/**
 * Words and anchors: domains reduced to their name, card numbers, times and digit runs removed
 * (a run of three digits or more leaves an anchor), in-word punctuation joined ("h&m", "h & m", "joe's"),
 * and a hyphen only beside a single character ("t-mobile", "7-eleven"): between longer parts it
 * separates as often as it joins ("BART-SAN FRANCISCO"). Everything else is a separator.
 */
function rawTokens(text: string): string[] {
  const cleaned = text
    .replace(DOMAIN, " $1 ")
    .replace(CARD_NUMBER, ` ${ANCHOR} `)
    .replace(TIME_OF_DAY, " ")
    .replace(DIGIT_RUN, (run) => (run.replace(/\D/g, "").length >= 3 ? ` ${ANCHOR} ` : ` ${run.replace(/\D/g, " ")} `))
    .replace(/\b(\p{L}) & (\p{L})\b/gu, "$1$2")
    .replace(/(?<=[\p{L}\p{N}])['’&](?=[\p{L}\p{N}])|(?<=\b[\p{L}\p{N}])-(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}]\b)/gu, "")
    .replace(/['’]/g, "")
    .replace(/#/g, ` ${ANCHOR} `)
    .replace(/[^\p{L}\p{N}#]+/gu, " ");
  return cleaned
    .split(" ")
    .filter((w) => w !== "")
    .flatMap((w, i) => (i === 0 && GLUED_STORE.test(w) ? [w.replace(/\d+$/, ""), ANCHOR] : isId(w) ? [ANCHOR] : [w]));
}

/** A reference or order id: letters and digits mixed, with at least two digits ("2k4ty7", "s5840735"). */
function isId(word: string): boolean {
  return /\p{L}/u.test(word) && /\d.*\d/.test(word);
}

const isNumber = (word: string) => /^\d+$/.test(word);
const isWord = (word: string) => word !== ANCHOR && !isNumber(word);

/**
 * Drops a trailing state code and the city before it. The city is recognized when a store or
 * reference number separates it from the merchant ("BLUE BOTTLE 1234 SAN FRANCISCO CA"), when it is one of the big
 * ones, or when its two words look like a city's ("SAN MATEO", "DALY CITY"). At least one word of
 * the merchant always stays.
 */
function withoutPlace(tokens: string[]): string[] {
  let last = tokens.length - 1;
  while (last >= 0 && !isWord(tokens[last]!)) last--;
  const wordCount = tokens.filter(isWord).length;
  if (last < 0 || wordCount < 2 || !STATE_CODES.has(tokens[last]!)) return tokens;
  const kept = [...tokens.slice(0, last), ...tokens.slice(last + 1)];

  let anchor = last - 1;
  while (anchor >= 0 && kept[anchor] !== ANCHOR) anchor--;
  const cityWords = last - 1 - anchor;
  const merchantBefore = kept.slice(0, Math.max(anchor, 0)).some(isMeaningful);
  if (anchor >= 0 && cityWords >= 1 && cityWords <= 3 && merchantBefore) return [...kept.slice(0, anchor + 1), ...kept.slice(last)];

  const twoWords = last >= 2 ? kept.slice(last - 2, last) : [];
  const cityLength =
    CITIES.find((city) => city.length < last && city.every((word, i) => kept[last - city.length + i] === word))?.length ??
    (twoWords.length === 2 && twoWords.every(isWord) && (CITY_FIRST_WORDS.has(twoWords[0]!) || CITY_LAST_WORDS.has(twoWords[1]!)) ? 2 : 0);
  const start = last - cityLength;
  if (cityLength > 0 && kept.slice(0, start).some(isMeaningful)) return [...kept.slice(0, start), ...kept.slice(last)];
  return kept;
}

function isMeaningful(word: string): boolean {
  if (word === ANCHOR || codePoints(word) < 2 || NOISE_WORDS.has(word)) return false;
  // "24 HOUR FITNESS", "76": a short number can be a name; "01" after an id is not.
  return !isNumber(word) || (word.length <= 2 && !word.startsWith("0"));
}

function merchantKeyOf(tokens: readonly string[]): string {
  const named = tokens.filter((t) => !KEY_STOPWORDS.has(t));
  return (named.length > 0 ? named : tokens).slice(0, MERCHANT_KEY_WORDS).join(" ");
}

function codePoints(word: string): number {
  let count = 0;
  for (const _ of word) count++;
  return count;
}

function distinct(words: readonly string[]): string[] {
  return [...new Set(words)];
}
