// Test support: the categories, merchants, amounts and notes of a generated history
// (history-generator.ts). Modelled on a US card holder in the San Francisco Bay Area. Some
// merchants sell in several categories (Amazon, Target, Costco, Apple, AT&T, Uber, Venmo), as they
// do in real statements, so that no categorizer can be right every time.

export type Processor = "square" | "toast" | "paypal";

export interface MerchantSpec {
  /** The name as the merchant registers it with the card network. */
  name: string;
  /** Relative frequency within its category. */
  weight: number;
  /** Descriptor templates that replace name + location ({id} order id, {phone}, {store}, {ref}). */
  printed?: readonly string[];
  /** Bank transfers and payroll: printed as is, without card words around them. */
  ach?: boolean;
  /** Physical locations (each with its own store number and city); 0 for online merchants. */
  locations?: number;
  /** Amount range in minor units, overriding the category's. */
  amount?: readonly [number, number];
  processor?: Processor;
}

export interface CategorySpec {
  id: string;
  /** Expected transactions per day outside the monthly bills. */
  perDay: number;
  /** Amount range in minor units (log-uniform between the two). */
  amount: readonly [number, number];
  merchants: readonly MerchantSpec[];
  /** Local merchants drawn from name parts: how many exist, and their share of the category's spending. */
  localMerchants?: { count: number; share: number; types: readonly string[]; processors?: readonly Processor[] };
  /** Probability that a merchant of this category is covered by one of the user's rules. */
  ruleShare: number;
  notes: { share: number; phrases: readonly string[] };
  /** Income categories are positive; refunds happen in a few expense categories. */
  income?: boolean;
  refundShare?: number;
}

/** A monthly (or every `everyMonths`) bill, paid on `day` (clamped to the month's end). */
export interface BillSpec {
  categoryId: string;
  merchant: MerchantSpec;
  day: number;
  amount: readonly [number, number];
  everyMonths?: number;
  /** Percent by which the amount rises each year (rent, salary, a streaming price increase). */
  yearlyRise?: number;
}

const m = (name: string, weight: number, extra: Omit<MerchantSpec, "name" | "weight"> = {}): MerchantSpec => ({
  name,
  weight,
  locations: 2,
  ...extra,
});
const online = (name: string, weight: number, printed: readonly string[], extra: Omit<MerchantSpec, "name" | "weight" | "printed"> = {}) =>
  m(name, weight, { printed, locations: 0, ...extra });

const AMAZON = ["AMZN Mktp US*{id}", "Amazon.com*{id} Amzn.com/billWA", "AMAZON MKTPL*{id}"];
const TARGET = m("TARGET", 3, { printed: ["TARGET        {store} {city}", "TARGET T-{store} {city}"] });
const VENMO = online("VENMO", 1, ["VENMO PAYMENT {ref} WEB ID: 3264681992", "VENMO *{person}"], { ach: true });

export const CATEGORIES: readonly CategorySpec[] = [
  {
    id: "groceries",
    perDay: 0.45,
    amount: [1_200, 22_000],
    merchants: [
      m("SAFEWAY", 5, { locations: 3 }),
      m("WHOLEFDS MKT", 4, { printed: ["WHOLEFDS {city}", "WHOLEFDS MKT {store} {city}", "WHOLE FOODS MARKET #{store}"] }),
      m("TRADER JOE'S", 5, { printed: ["TRADER JOE S #{store} {city}", "TRADER JOE'S #{store}"] }),
      m("COSTCO WHSE", 2, { printed: ["COSTCO WHSE #{store} {city}"], amount: [6_000, 40_000] }),
      m("SPROUTS FARMERS MAR", 1),
      m("BERKELEY BOWL", 2, { locations: 1 }),
      { ...TARGET, weight: 1 },
      m("WAL-MART", 1, { printed: ["WAL-MART #{store} {city}", "WM SUPERCENTER #{store}"] }),
    ],
    localMerchants: { count: 40, share: 0.2, types: ["MARKET", "GROCERY", "FOODS", "PRODUCE", "DELI & GROCERY", "SUPERMARKET"] },
    ruleShare: 0.4,
    notes: { share: 0.06, phrases: ["weekly groceries", "groceries", "costco run", "bbq supplies", "party food"] },
  },
  {
    id: "restaurants",
    perDay: 0.55,
    amount: [1_100, 9_500],
    merchants: [
      m("CHIPOTLE", 3, { printed: ["CHIPOTLE {store}", "CHIPOTLE ONLINE"] }),
      m("SWEETGREEN", 2),
      m("MCDONALD'S", 1, { printed: ["MCDONALD'S F{store} {city}"], amount: [600, 1_800] }),
      m("PANERA BREAD", 1, { printed: ["PANERA BREAD #{store} {city}"] }),
      online("UBER EATS", 3, ["UBER   *EATS HELP.UBER.COM", "UBER *EATS PENDING", "UBER* EATS"]),
      online("DOORDASH", 3, ["DD *DOORDASH {local}", "DOORDASH*{local}"]),
      online("GRUBHUB", 1, ["GRUBHUB*{local}"]),
      { ...VENMO, weight: 1 },
    ],
    localMerchants: {
      count: 300,
      share: 0.55,
      types: [
        "PIZZERIA",
        "TAQUERIA",
        "SUSHI",
        "THAI",
        "KITCHEN",
        "GRILL",
        "BISTRO",
        "DINER",
        "RAMEN",
        "BBQ",
        "BURGERS",
        "NOODLE HOUSE",
        "CANTINA",
        "TRATTORIA",
        "PHO",
        "DIM SUM",
        "STEAKHOUSE",
        "TAPAS",
        "RESTAURANT",
      ],
      processors: ["toast", "toast", "square"],
    },
    ruleShare: 0.15,
    notes: { share: 0.1, phrases: ["dinner with sam", "team lunch", "date night", "brunch", "lunch", "takeout", "birthday dinner"] },
  },
  {
    id: "coffee",
    perDay: 0.6,
    amount: [325, 1_400],
    merchants: [
      m("STARBUCKS", 5, { printed: ["STARBUCKS STORE {store}", "STARBUCKS {store} {city}", "STARBUCKS"] }),
      m("BLUE BOTTLE COFFEE", 4, { processor: "square" }),
      m("PEET'S", 3, { printed: ["PEETS {store} {city}", "PEET'S COFFEE #{store}"] }),
      m("PHILZ COFFEE", 3, { processor: "square" }),
      m("DUNKIN", 1, { printed: ["DUNKIN #{store} {city}"] }),
    ],
    localMerchants: {
      count: 80,
      share: 0.35,
      types: ["COFFEE", "COFFEE ROASTERS", "CAFE", "ESPRESSO", "COFFEE BAR", "TEA HOUSE", "BAKERY & CAFE"],
      processors: ["square", "square", "toast"],
    },
    ruleShare: 0.35,
    notes: { share: 0.04, phrases: ["coffee with jo", "morning coffee", "meeting"] },
  },
  {
    id: "transport",
    perDay: 0.45,
    amount: [250, 4_500],
    merchants: [
      online("UBER", 5, ["UBER   *TRIP HELP.UBER.COM", "UBER *TRIP {id}", "UBER   *TRIP"]),
      online("LYFT", 3, ["LYFT   *RIDE THU 8PM", "LYFT *RIDE SUN 3AM", "LYFT   *RIDE FRI 11PM", "LYFT *RIDE MON 7AM"]),
      online("CLIPPER", 4, ["CLIPPER SERVICE CONCORD CA", "CLIPPER CARD AUTOLOAD"], { amount: [2_000, 5_000] }),
      m("BART", 2, { printed: ["BART-{city}"], amount: [250, 1_200] }),
      online("SFMTA", 2, ["SFMTA PAYBYPHONE", "SFMTA METER {store}", "CITY OF SF PARKING"], { amount: [300, 2_500] }),
      m("IMPARK", 1, { printed: ["IMPARK{store} {city}"] }),
    ],
    ruleShare: 0.5,
    notes: { share: 0.05, phrases: ["ride to airport", "commute", "ride home", "parking downtown"] },
  },
  {
    id: "fuel",
    perDay: 0.12,
    amount: [2_500, 8_000],
    merchants: [
      m("SHELL OIL", 4, { printed: ["SHELL OIL {ref} {city}", "SHELL SERVICE STATION"] }),
      m("CHEVRON", 4, { printed: ["CHEVRON {store} {city}", "CHEVRON 0{store}"] }),
      m("ARCO", 2, { printed: ["ARCO #{store} {city}", "ARCO PAYPOINT #{store}"] }),
      m("76", 2, { printed: ["76 - {store} {city}", "76 {store}"] }),
      m("EXXONMOBIL", 1, { printed: ["EXXONMOBIL {store} {city}"] }),
      m("COSTCO GAS", 2, { printed: ["COSTCO GAS #{store} {city}"] }),
    ],
    ruleShare: 0.4,
    notes: { share: 0.03, phrases: ["gas", "road trip"] },
  },
  {
    id: "pharmacy",
    perDay: 0.07,
    amount: [500, 7_500],
    merchants: [
      m("CVS/PHARMACY", 4, { printed: ["CVS/PHARMACY #{store} {city}", "CVS/PHARM {store}"] }),
      m("WALGREENS", 4, { printed: ["WALGREENS #{store} {city}", "WALGREENS STORE {store}"] }),
      m("RITE AID", 1, { printed: ["RITE AID {store} {city}"] }),
    ],
    localMerchants: { count: 40, share: 0.1, types: ["PHARMACY", "APOTHECARY"] },
    ruleShare: 0.3,
    notes: { share: 0.12, phrases: ["prescription", "allergy meds", "vitamins", "cold medicine"] },
  },
  {
    id: "clothing",
    perDay: 0.08,
    amount: [1_800, 18_000],
    merchants: [
      m("UNIQLO", 3, { printed: ["UNIQLO USA {store}", "UNIQLO {city}"] }),
      m("H&M", 2, { printed: ["H&M {store} {city}", "H & M #{store}"] }),
      m("ZARA", 2, { printed: ["ZARA USA {store} {city}"] }),
      m("GAP", 1),
      m("OLD NAVY", 1),
      m("NORDSTROM", 2, { printed: ["NORDSTROM #{store}", "NORDSTROM DIRECT #{store}"] }),
      m("TJ MAXX", 1, { printed: ["TJMAXX #{store} {city}", "T.J. MAXX #{store}"] }),
      online("AMAZON", 2, AMAZON),
      { ...TARGET, weight: 1 },
    ],
    localMerchants: {
      count: 40,
      share: 0.15,
      types: ["BOUTIQUE", "APPAREL", "CLOTHING", "SHOES", "DENIM", "OUTFITTERS"],
      processors: ["square"],
    },
    ruleShare: 0.1,
    notes: { share: 0.1, phrases: ["new shoes", "winter jacket", "work clothes", "jeans"] },
    refundShare: 0.05,
  },
  {
    id: "electronics",
    perDay: 0.04,
    amount: [1_500, 120_000],
    merchants: [
      m("BEST BUY", 3, { printed: ["BEST BUY {store} {city}", "BESTBUY.COM {ref}"] }),
      m("APPLE STORE", 2, { printed: ["APPLE STORE #R{store} {city}", "APPLE ONLINE STORE 800-676-2775"] }),
      online("AMAZON", 4, AMAZON),
      online("B&H PHOTO", 1, ["B&H PHOTO 800-606-6969 NY", "B & H PHOTO VIDEO"]),
      online("NEWEGG", 1, ["NEWEGG INC {phone} CA", "NEWEGG.COM"]),
      m("WAL-MART", 1, { printed: ["WAL-MART #{store} {city}", "WALMART.COM {ref}"] }),
    ],
    ruleShare: 0.05,
    notes: { share: 0.15, phrases: ["new headphones", "laptop charger", "usb cables", "monitor", "phone case"] },
    refundShare: 0.05,
  },
  {
    id: "travel",
    perDay: 0.04,
    amount: [6_000, 90_000],
    merchants: [
      online("DELTA AIR LINES", 2, ["DELTA AIR {ref}", "DELTA AIR LINES ATLANTA"]),
      online("UNITED AIRLINES", 2, ["UNITED {ref}", "UNITED AIRLINES HOUSTON TX"]),
      online("SOUTHWEST", 2, ["SOUTHWES {ref}", "SOUTHWEST AIRLINES DALLAS TX"]),
      online("AIRBNB", 3, ["AIRBNB * HM{id}", "AIRBNB HM{id} AIRBNB.COM CA"]),
      online("EXPEDIA", 1, ["EXPEDIA {ref}", "EXPEDIA.COM {ref} WA"]),
      m("MARRIOTT", 2, { printed: ["MARRIOTT {city}", "COURTYARD BY MARRIOTT {city}"] }),
      m("HILTON", 2, { printed: ["HILTON HOTELS {city}", "HAMPTON INN {city}"] }),
    ],
    localMerchants: { count: 60, share: 0.2, types: ["HOTEL", "INN", "SUITES", "LODGE", "RESORT"] },
    ruleShare: 0.05,
    notes: {
      share: 0.2,
      phrases: ["flight to denver", "hotel chicago", "conference trip", "vacation", "flight home for holidays", "weekend in la"],
    },
    refundShare: 0.04,
  },
  {
    id: "gifts",
    perDay: 0.05,
    amount: [1_500, 15_000],
    merchants: [
      online("AMAZON", 4, AMAZON),
      online("ETSY", 3, ["ETSY, INC. BROOKLYN NY", "ETSY.COM - {person}"]),
      online("1-800-FLOWERS", 1, ["1-800-FLOWERS.COM {ref}"]),
      m("HALLMARK", 1, { printed: ["HALLMARK #{store}"] }),
      { ...TARGET, weight: 2 },
      { ...VENMO, weight: 1 },
    ],
    localMerchants: {
      count: 40,
      share: 0.3,
      types: ["FLORIST", "FLOWERS", "GIFTS", "GIFT SHOP", "PAPERIE", "TOYS"],
      processors: ["square"],
    },
    ruleShare: 0.05,
    notes: {
      share: 0.45,
      phrases: ["birthday gift for mom", "wedding present", "xmas presents", "gift for alex", "baby shower gift", "anniversary flowers"],
    },
  },
  {
    id: "entertainment",
    perDay: 0.12,
    amount: [1_000, 12_000],
    merchants: [
      m("AMC", 3, { printed: ["AMC {store} ONLINE", "AMC METREON 16 #{store}"] }),
      online("TICKETMASTER", 2, ["TICKETMASTER {phone} CA", "TM *{local}"]),
      online("STEAM", 2, ["STEAMGAMES.COM {ref}", "STEAM PURCHASE {phone} WA"]),
      online("FANDANGO", 1, ["FANDANGO {phone} CA"]),
      m("REGAL", 1, { printed: ["REGAL CINEMAS {store}"] }),
      m("BOWLERO", 1, { printed: ["BOWLERO {city}"] }),
      online("EVENTBRITE", 1, ["EB *{local}", "EVENTBRITE {ref}"]),
    ],
    localMerchants: { count: 60, share: 0.3, types: ["THEATRE", "CINEMA", "ARCADE", "BOWL", "COMEDY CLUB", "MUSIC HALL", "MUSEUM"] },
    ruleShare: 0.15,
    notes: { share: 0.1, phrases: ["movie night", "concert tickets", "bowling with friends", "game"] },
  },
  {
    id: "charity",
    perDay: 0.02,
    amount: [1_000, 10_000],
    merchants: [
      online("GOFUNDME", 3, ["GOFUNDME *{local}", "GOFUNDME {person}"]),
      online("DOCTORS WITHOUT BORDERS", 1, ["DOCTORS WITHOUT BORDER {phone} NY"]),
      online("WIKIMEDIA", 1, ["WIKIMEDIA 877-600-9454", "WIKIMEDIA FOUNDATION"]),
      online("KQED", 1, ["KQED INC SAN FRANCISCO CA"]),
    ],
    ruleShare: 0.1,
    notes: { share: 0.3, phrases: ["donation", "fundraiser", "red cross appeal"] },
  },
  // The rest come from bills (below) alone.
  { id: "rent", perDay: 0, amount: [0, 0], merchants: [], ruleShare: 0.9, notes: { share: 0.3, phrases: ["rent", "monthly rent"] } },
  {
    id: "utilities",
    perDay: 0,
    amount: [0, 0],
    merchants: [],
    ruleShare: 0.8,
    notes: { share: 0.05, phrases: ["electricity", "water bill"] },
  },
  { id: "salary", perDay: 0, amount: [0, 0], merchants: [], ruleShare: 0.9, notes: { share: 0.05, phrases: ["paycheck"] }, income: true },
  { id: "subscriptions", perDay: 0, amount: [0, 0], merchants: [], ruleShare: 0.7, notes: { share: 0.01, phrases: ["annual plan"] } },
  { id: "gym", perDay: 0, amount: [0, 0], merchants: [], ruleShare: 0.8, notes: { share: 0.01, phrases: ["membership"] } },
  {
    id: "insurance",
    perDay: 0,
    amount: [0, 0],
    merchants: [],
    ruleShare: 0.8,
    notes: { share: 0.05, phrases: ["car insurance", "renters insurance"] },
  },
  { id: "phone", perDay: 0, amount: [0, 0], merchants: [], ruleShare: 0.7, notes: { share: 0.02, phrases: ["phone bill"] } },
  { id: "internet", perDay: 0, amount: [0, 0], merchants: [], ruleShare: 0.7, notes: { share: 0.02, phrases: ["internet"] } },
];

const bill = (
  categoryId: string,
  merchant: MerchantSpec,
  day: number,
  amount: readonly [number, number],
  extra: Partial<BillSpec> = {},
): BillSpec => ({
  categoryId,
  merchant,
  day,
  amount,
  ...extra,
});
const ach = (name: string, printed: readonly string[]) => online(name, 1, printed, { ach: true });

export const BILLS: readonly BillSpec[] = [
  bill("rent", ach("OAKWOOD APARTMENTS", ["OAKWOOD APTS RENT WEB PMT {ref}", "ZELLE TO OAKWOOD PROPERTY MGMT"]), 1, [245_000, 245_000], {
    yearlyRise: 3,
  }),
  bill("salary", ach("ACME CORP", ["ACME CORP DIRECT DEP PPD ID: 9123456789", "ACME CORP PAYROLL {ref}"]), 15, [431_255, 436_010], {
    yearlyRise: 3,
  }),
  bill("salary", ach("ACME CORP", ["ACME CORP DIRECT DEP PPD ID: 9123456789", "ACME CORP PAYROLL {ref}"]), 31, [431_255, 436_010], {
    yearlyRise: 3,
  }),
  bill("utilities", ach("PG&E", ["PGANDE WEB ONLINE {date} PPD ID: {ref}", "PG&E/EZ-PAY {ref}"]), 12, [6_000, 18_000]),
  bill("utilities", ach("EBMUD", ["EBMUD WATER {ref}", "EAST BAY MUD PAYMENT"]), 20, [4_000, 9_000], { everyMonths: 2 }),
  bill("utilities", online("RECOLOGY", 1, ["RECOLOGY {phone} CA"]), 25, [3_800, 4_200], { everyMonths: 3 }),
  bill("phone", online("VERIZON", 1, ["VERIZON WRLS {id}-01", "VZWRLSS*APOCC VISB {ref}"]), 8, [6_500, 6_500], { yearlyRise: 2 }),
  bill("phone", online("AT&T", 1, ["ATT*BILL PAYMENT 800-288-2020 TX", "AT&T *PAYMENT {ref}"]), 18, [3_000, 3_000]),
  bill("internet", online("COMCAST", 1, ["COMCAST CABLE COMM 800-266-2278 PA", "XFINITY MOBILE {phone} PA"]), 5, [7_999, 7_999], {
    yearlyRise: 5,
  }),
  bill("internet", online("AT&T", 1, ["ATT*BILL PAYMENT 800-288-2020 TX", "AT&T *PAYMENT {ref}"]), 22, [5_500, 5_500]),
  bill("insurance", online("GEICO", 1, ["GEICO *AUTO 800-841-3000 DC", "GEICO  *AUTO"]), 3, [14_217, 14_217], { yearlyRise: 6 }),
  bill("insurance", online("LEMONADE", 1, ["LEMONADE INSURANCE {ref} NY", "LEMONADE INS"]), 14, [1_850, 1_850]),
  bill("gym", m("PLANET FITNESS", 1, { printed: ["PLANET FITNESS {phone} NH", "PLANET FIT CLUB FEES"] }), 17, [2_499, 2_499]),
  bill("gym", online("CLASSPASS", 1, ["CLASSPASS* {id}", "CLASSPASS INC NEW YORK NY"]), 9, [4_900, 4_900], { everyMonths: 1 }),
  bill(
    "subscriptions",
    online("NETFLIX", 1, ["NETFLIX.COM 866-579-7172 CA", "NETFLIX.COM LOS GATOS CA", "PAYPAL *NETFLIX"]),
    6,
    [1_549, 1_549],
    { yearlyRise: 8 },
  ),
  bill("subscriptions", online("SPOTIFY", 1, ["Spotify USA 877-7781161 NY", "SPOTIFY P{id}"]), 11, [1_099, 1_099], { yearlyRise: 5 }),
  bill("subscriptions", online("APPLE", 1, ["APPLE.COM/BILL 866-712-7753 CA", "APPLE.COM/BILL ONE APPLE PARK W"]), 23, [299, 299]),
  bill("subscriptions", online("YOUTUBE", 1, ["GOOGLE *YouTubePremium g.co/helppay#", "GOOGLE *YouTube TV"]), 27, [1_399, 1_399]),
  bill("subscriptions", online("AUDIBLE", 1, ["Audible*{id}", "AUDIBLE ADBL.CO/PYMT NJ"]), 2, [1_495, 1_495], { everyMonths: 1 }),
  bill("charity", online("KQED", 1, ["KQED INC SAN FRANCISCO CA"]), 28, [2_500, 2_500]),
];

/** Where the user lives and shops, and where they travel. */
export const HOME_CITIES = ["SAN FRANCISCO CA", "OAKLAND CA", "BERKELEY CA", "EMERYVILLE CA", "DALY CITY CA", "SAN MATEO CA"] as const;
export const TRAVEL_CITIES = [
  "NEW YORK NY",
  "CHICAGO IL",
  "DENVER CO",
  "SEATTLE WA",
  "AUSTIN TX",
  "BOSTON MA",
  "LOS ANGELES CA",
  "PORTLAND OR",
] as const;

/** Parts of local merchants' names. Shared by all categories: "GOLDEN DRAGON" may be a restaurant or a market. */
export const NAME_PARTS = {
  first: [
    "GOLDEN",
    "LUCKY",
    "LITTLE",
    "OLD TOWN",
    "SUNSET",
    "MISSION",
    "HAPPY",
    "RED",
    "JADE",
    "BLUE",
    "GREEN",
    "CASA",
    "LA",
    "EL",
    "BELLA",
    "MAMA",
    "URBAN",
    "CORNER",
    "HARBOR",
    "NORTH BEACH",
    "HAYES",
    "NOE",
    "FOUR",
    "TWIN",
  ],
  second: [
    "DRAGON",
    "GARDEN",
    "LOTUS",
    "STAR",
    "ROSE",
    "OAK",
    "MOON",
    "FORK",
    "TABLE",
    "SPOON",
    "PEPPER",
    "OLIVE",
    "BASIL",
    "MANGO",
    "TIGER",
    "PANDA",
    "BAMBOO",
    "SAKURA",
    "PALM",
    "PEAKS",
    "BAY",
    "FOG",
    "SPARROW",
    "WILLOW",
  ],
} as const;

export const PEOPLE = ["JOHN SMITH", "ALEX KIM", "MARIA GARCIA", "SAM LEE", "JO PATEL", "CHRIS WONG"] as const;

/** Notes anyone writes anywhere; they say nothing about the category. */
export const GENERIC_NOTES = ["reimbursable", "split with alex", "see receipt", "paid back", "work", "check this"] as const;
export const GENERIC_NOTE_SHARE = 0.03;

/**
 * People are not consistent: a hand-picked category is sometimes the neighbouring one (a café
 * lunch under coffee, a taxi on a trip under travel). Rules never slip.
 */
export const MANUAL_SLIP_SHARE = 0.03;
export const NEIGHBOURS: Readonly<Record<string, string>> = {
  coffee: "restaurants",
  restaurants: "coffee",
  groceries: "restaurants",
  transport: "travel",
  fuel: "transport",
  travel: "transport",
  gifts: "entertainment",
  clothing: "gifts",
  electronics: "gifts",
  pharmacy: "groceries",
  entertainment: "restaurants",
  subscriptions: "entertainment",
  charity: "gifts",
};
