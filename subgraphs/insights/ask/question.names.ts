import type { CategoryRef, QuestionContext } from "./question.query.js";
import { formsOf, sameWord, SYNONYMS, type Word, wordsOf } from "./question.words.js";

type Category = QuestionContext["categories"][number];

interface Candidate {
  category: Category;
  words: Word[];
  depth: number;
  order: number;
}

export interface CategoryMatch {
  categories: CategoryRef[];
  /** The question's words that named no category. */
  unmatched: Word[];
}

/**
 * The categories a question's words name, best token overlap first: each round takes the category
 * that meets most of the words still unclaimed ("fast food" is Fast food, not Food), then the one
 * whose own name is most covered, then the one nearest the top (its total holds its subcategories'),
 * then the earlier in the list. A word no category has gets one try through `SYNONYMS`.
 */
export function matchCategories(words: readonly Word[], categories: QuestionContext["categories"]): CategoryMatch {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const candidates = categories.map((category, order) => ({
    category,
    words: nameWords(category.name),
    depth: depthOf(category, byId),
    order,
  }));
  const chosen = new Map<string, CategoryRef>();
  let unclaimed = [...words];

  for (;;) {
    let best: { candidate: Candidate; claimed: Word[]; score: number[] } | null = null;
    for (const candidate of candidates) {
      const claimed = unclaimed.filter((word) => candidate.words.some((own) => sameWord(word, own)));
      if (claimed.length === 0) continue;
      const score = [claimed.length, ...rank(candidate, claimed)];
      if (best === null || isHigher(score, best.score)) best = { candidate, claimed, score };
    }
    if (best === null) break;
    chosen.set(best.candidate.category.id, refOf(best.candidate.category));
    unclaimed = unclaimed.filter((word) => !best.claimed.includes(word));
  }

  const unmatched: Word[] = [];
  for (const word of unclaimed) {
    const viaSynonym = bySynonym(word, candidates);
    if (viaSynonym === null) unmatched.push(word);
    else chosen.set(viaSynonym.id, refOf(viaSynonym));
  }
  return { categories: [...chosen.values()], unmatched };
}

function bySynonym(word: Word, candidates: readonly Candidate[]): Category | null {
  const alternatives = word.forms.flatMap((form) => SYNONYMS[form] ?? []);
  for (const alternative of alternatives) {
    const other: Word = { ...word, text: alternative, forms: formsOf(alternative) };
    let best: { candidate: Candidate; score: number[] } | null = null;
    for (const candidate of candidates) {
      if (!candidate.words.some((own) => sameWord(other, own))) continue;
      const score = rank(candidate, [other]);
      if (best === null || isHigher(score, best.score)) best = { candidate, score };
    }
    if (best !== null) return best.candidate.category;
  }
  return null;
}

/** Ties between categories that meet as many words: most of its own name covered, nearest the top, first listed. */
function rank(candidate: Candidate, claimed: readonly Word[]): number[] {
  const covered = candidate.words.filter((own) => claimed.some((word) => sameWord(word, own))).length;
  return [covered / candidate.words.length, -candidate.depth, -candidate.order];
}

function isHigher(score: readonly number[], than: readonly number[]): boolean {
  for (let i = 0; i < score.length; i++) if (score[i] !== than[i]) return score[i]! > than[i]!;
  return false;
}

/** A name's words without the joints ("Bars & Restaurants" → bars, restaurants); a name of joints only keeps them. */
function nameWords(name: string): Word[] {
  const words = wordsOf(name);
  const meaningful = words.filter((word) => !JOINTS.has(word.text));
  return meaningful.length > 0 ? meaningful : words;
}
const JOINTS = new Set(["and", "of", "the", "for", "a", "an", "to", "in", "on", "at", "out"]);

/** Steps to the top; a parent that is missing or on a cycle ends the walk. */
function depthOf(category: Category, byId: ReadonlyMap<string, Category>): number {
  const seen = new Set([category.id]);
  let depth = 0;
  for (let parent = category.parentId; parent !== null && byId.has(parent) && !seen.has(parent); parent = byId.get(parent)!.parentId) {
    seen.add(parent);
    depth++;
  }
  return depth;
}

const refOf = (category: Category): CategoryRef => ({ id: category.id, name: category.name });

/** The category whose name is exactly these words, in any order and number ("at restaurants" is Restaurants, not a payee). */
export function categoryNamed(words: readonly Word[], categories: QuestionContext["categories"]): CategoryRef | null {
  const found = categories.find((category) => {
    const own = nameWords(category.name);
    return own.every((o) => words.some((word) => sameWord(word, o))) && words.every((word) => own.some((o) => sameWord(word, o)));
  });
  return found === undefined ? null : refOf(found);
}

/**
 * The payee the words name, from the user's payees: every word said is in its name ("amazon" for
 * "Amazon Marketplace") or its whole name was said ("whole foods market" for "Whole Foods"). Ties go
 * to the name most covered, then the shorter, then the earlier in the list (callers list the most
 * used first).
 */
export function matchPayee(words: readonly Word[], payees: readonly string[]): string | null {
  if (words.length === 0) return null;
  let best: { payee: string; score: number[] } | null = null;
  payees.forEach((payee, order) => {
    const own = wordsOf(payee);
    if (own.length === 0) return;
    const said = words.filter((word) => own.some((o) => sameWord(word, o))).length;
    const covered = own.filter((o) => words.some((word) => sameWord(word, o))).length;
    if (said < words.length && covered < own.length) return;
    if (said === 0) return;
    const score = [said, covered / own.length, -own.length, -order];
    if (best === null || isHigher(score, best.score)) best = { payee, score };
  });
  return (best as { payee: string } | null)?.payee ?? null;
}
