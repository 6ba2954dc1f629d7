// Test support only: categorized transactions over a deliberately small vocabulary, so that
// payees, notes and amount buckets collide across categories the way real ones do.
import fc from "fast-check";

import type { CategorizerInput } from "./features.js";
import { type CategorizerExample, MANUAL_WEIGHT, RULE_WEIGHT } from "./naive-bayes.js";

export const CATEGORY_IDS = ["c1", "c2", "c3", "c4", "c5"] as const;

const payeeWord = fc.constantFrom("BLUE", "BOTTLE", "COFFEE", "SAFEWAY", "UBER", "TRIP", "RENT", "GOLDEN", "DRAGON", "PIZZA");
const noteWord = fc.constantFrom("lunch", "gift", "mom", "rent", "trip", "work");
/** Bank noise around the words, which normalization must strip whatever it is. */
const noise = fc.constantFrom("", "SQ *", "TST* ", "POS PURCHASE ", "PURCHASE AUTHORIZED ON 03/14 ");
const suffix = fc.constantFrom("", " #1234", " 0423 OAKLAND CA", " CARD 4417");

export const payee: fc.Arbitrary<string> = fc
  .tuple(noise, fc.array(payeeWord, { minLength: 0, maxLength: 3 }), suffix)
  .map(([before, words, after]) => `${before}${words.join(" ")}${after}`);

export const notes: fc.Arbitrary<string> = fc.array(noteWord, { maxLength: 2 }).map((words) => words.join(" "));

/** Amounts across a few buckets of both signs, and zero. */
export const amountMinor: fc.Arbitrary<bigint> = fc.oneof(
  fc.constantFrom(-450n, -2_500n, -245_000n, 431_255n, 0n),
  fc.bigInt({ min: -1_000_000n, max: 1_000_000n }),
);

export const input: fc.Arbitrary<CategorizerInput> = fc.record({ payee, notes, amountMinor });

export const categoryId = fc.constantFrom(...CATEGORY_IDS);

export const example: fc.Arbitrary<CategorizerExample> = fc.record({ payee, notes, amountMinor, categoryId });

export const weight = fc.constantFrom(MANUAL_WEIGHT, RULE_WEIGHT, 2);

export const weightedExamples = fc.array(fc.tuple(example, weight), { maxLength: 40 });
