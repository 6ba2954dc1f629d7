/** A word of a question or a name, where it stands, and the spellings it is taken to match. */
export interface Word {
  text: string;
  index: number;
  /** Just after the word as written, possessive included. */
  end: number;
  forms: string[];
}

/** Lower-case words and numbers; a possessive "'s" belongs to its word ("amazon's" is "amazon"). */
export function wordsOf(text: string): Word[] {
  return [...text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)].map((match) => {
    const word = match[0].replace(/['’]s$/, "").replace(/['’]/g, "");
    return { text: word, index: match.index, end: match.index + match[0].length, forms: formsOf(word) };
  });
}

/**
 * The word and its possible singulars, so "restaurants" meets "restaurant" and "movies" meets
 * "movie" without a dictionary: "groceries" → grocery, "taxes" → tax, "fees" → fee. Short words
 * ("gas", "bus") are left whole.
 */
export function formsOf(word: string): string[] {
  if (word.length <= 3 || word.endsWith("ss")) return [word];
  if (word.endsWith("ies")) return [word, `${word.slice(0, -3)}y`, word.slice(0, -1)];
  if (word.endsWith("es")) return [word, word.slice(0, -2), word.slice(0, -1)];
  if (word.endsWith("s")) return [word, word.slice(0, -1)];
  return [word];
}

export const sameWord = (a: Word, b: Word): boolean => a.forms.some((form) => b.forms.includes(form));

/**
 * Words that ask rather than name: question words, verbs of spending and earning, amounts and the
 * leftovers of periods ("the month of"). What remains of a question names categories or payees.
 */
export const FILLER = new Set(
  (
    "how much many did do does done i me my mine we our us you your the a an in on at for of to from by during over " +
    "within between since after before until till and or vs versus compare compared comparing comparison against than with " +
    "what which where when who was were is are be been being have has had it this that these those there " +
    "spend spent spending spends expense expenses expenditure expenditures cost costs pay paid paying payment payments " +
    "purchase purchases purchased bought buy buying money cash total totals overall sum altogether all everything anything " +
    "stuff thing things biggest largest top highest most expensive priciest big large transaction transactions item items " +
    "charge charges charged earn earned earning earnings make made making receive received get got getting go went gone " +
    "so far please tell show give list up out about around roughly exactly category categories breakdown broken down " +
    "rate save saved saving percent percentage per more less same period time ago day days week weeks month months " +
    "quarter quarters year years today can could would should will just also only really whats dollars bucks amount " +
    "last this past previous prior next current so each every one two three four five six seven eight nine ten " +
    "may might know want wanted like need see check find hi hey hello thanks thank tell curious wondering let lets any some " +
    "actually currently approximately approx im ive id"
  ).split(" "),
);

/**
 * Words that ask for something (income, savings) but may also be a category's name: matched when
 * a category or payee has them, dropped quietly when none does.
 */
export const ASKING_OR_NAMING = new Set(["income", "salary", "salaries", "paycheck", "paychecks", "wages", "savings", "revenue"]);

/**
 * A few everyday words for categories people name otherwise; used only for a word that no
 * category has, so a user's own "Food" category still wins over "food" → groceries.
 */
export const SYNONYMS: Record<string, readonly string[]> = {
  food: ["groceries", "supermarket", "dining"],
  supermarket: ["groceries", "food"],
  grocery: ["food", "supermarket"],
  eating: ["restaurants", "dining"],
  dining: ["restaurants", "eating"],
  restaurant: ["dining", "eating"],
  takeout: ["restaurants", "dining"],
  takeaway: ["restaurants", "dining"],
  coffee: ["cafe", "cafes"],
  gas: ["fuel", "petrol", "gasoline"],
  petrol: ["fuel", "gas"],
  fuel: ["gas", "petrol"],
  car: ["auto", "automotive", "vehicle", "transport", "transportation"],
  transport: ["transportation", "transit", "travel"],
  transportation: ["transport", "transit"],
  taxi: ["transport", "transportation", "rideshare"],
  rent: ["housing", "home"],
  mortgage: ["housing", "home"],
  electricity: ["utilities", "bills"],
  internet: ["utilities", "bills"],
  phone: ["utilities", "bills", "mobile"],
  utility: ["bills"],
  doctor: ["health", "medical", "healthcare"],
  pharmacy: ["health", "medical", "healthcare"],
  medical: ["health", "healthcare"],
  health: ["medical", "healthcare"],
  clothes: ["clothing", "apparel", "shopping"],
  clothing: ["clothes", "apparel", "shopping"],
  movies: ["entertainment"],
  fun: ["entertainment"],
  vacation: ["travel", "holidays"],
  holiday: ["travel", "vacation"],
  gym: ["fitness", "sports"],
  fitness: ["gym", "sports"],
  charity: ["donations", "gifts"],
  paycheck: ["salary", "wages", "income"],
  salary: ["paycheck", "wages", "income"],
  wages: ["salary", "paycheck", "income"],
};
