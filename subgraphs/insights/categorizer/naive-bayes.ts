import { type CategorizerInput, features } from "./features.js";

/*
 * A multinomial naive Bayes model of one user's categorizations. Its whole state is three tables
 * of integer counts, so it can live in database rows, be updated by adding deltas as transactions
 * come, go and change, and be rebuilt from those rows exactly. Counts are integers (weights are
 * whole numbers), so training and untraining never drift the way floating-point sums would.
 */

/** A category the user chose by hand says more about their habits than one a rule filled in. */
export const MANUAL_WEIGHT = 3;
export const RULE_WEIGHT = 1;
/** Laplace smoothing: an unseen (category, token) pair counts as this many occurrences. */
export const SMOOTHING = 1;
/** Confidences are probabilities with this many decimals, truncated so that they never add up to more than 1. */
export const CONFIDENCE_DECIMALS = 4;
export const DEFAULT_SUGGESTIONS = 3;

export interface CategorizerExample extends CategorizerInput {
  categoryId: string;
}

export interface CategorizerModel {
  /** category → weighted number of examples. */
  documents: Map<string, number>;
  /** category → token → weighted number of examples with the token. */
  tokens: Map<string, Map<string, number>>;
  /** category → Σ of its token counts. */
  tokenTotals: Map<string, number>;
  /** token → number of categories that have it. Derived from `tokens`, never stored: its size is the vocabulary. */
  vocabulary: Map<string, number>;
}

export interface Suggestion {
  categoryId: string;
  /** The model's probability of the category, truncated to `CONFIDENCE_DECIMALS` ("0.9731"). A ranking aid, never money. */
  confidence: string;
}

/** The stored form: one row per category and one per (category, token). */
export interface CategoryRow {
  categoryId: string;
  documents: number;
  tokens: number;
}
export interface TokenRow {
  categoryId: string;
  token: string;
  count: number;
}
export interface ModelRows {
  categories: CategoryRow[];
  tokens: TokenRow[];
}

export function emptyModel(): CategorizerModel {
  return { documents: new Map(), tokens: new Map(), tokenTotals: new Map(), vocabulary: new Map() };
}

/**
 * What training `example` with `weight` adds to the stored rows (untraining subtracts the same),
 * so a store can apply it as upserts without loading the model.
 */
export function trainingDelta(example: CategorizerExample, weight: number): ModelRows {
  checkWeight(weight);
  const tokens = features(example);
  return {
    categories: [{ categoryId: example.categoryId, documents: weight, tokens: weight * tokens.length }],
    tokens: tokens.map((token) => ({ categoryId: example.categoryId, token, count: weight })),
  };
}

/** Adds `example` with `weight` to the model, in place: a user's model learns from every transaction, and copying it each time would cost its whole size. */
export function train(model: CategorizerModel, example: CategorizerExample, weight: number): void {
  apply(model, trainingDelta(example, weight), 1);
}

/**
 * Takes back an example trained with the same `weight` (a transaction edited, recategorized or
 * deleted), in place. Throws a RangeError, leaving the model as it was, when the model cannot hold
 * that example: the caller lost track of what it trained.
 */
export function untrain(model: CategorizerModel, example: CategorizerExample, weight: number): void {
  const delta = trainingDelta(example, weight);
  const { categoryId } = example;
  const counts = model.tokens.get(categoryId);
  const held = (model.documents.get(categoryId) ?? 0) >= weight && delta.tokens.every((row) => (counts?.get(row.token) ?? 0) >= weight);
  if (!held) throw new RangeError(`the model holds no example like this one in category ${categoryId} with weight ${weight}`);
  apply(model, delta, -1);
}

/**
 * The `k` most likely categories for `input`, most likely first, ties by category id. Only
 * categories with examples are named; tokens the model has never seen are ignored, since they
 * say nothing about any category. Empty when the model has no examples.
 */
export function suggest(model: CategorizerModel, input: CategorizerInput, k = DEFAULT_SUGGESTIONS): Suggestion[] {
  if (!Number.isSafeInteger(k) || k < 1) throw new RangeError(`k must be a positive whole number, got ${k}`);
  const known = features(input).filter((token) => model.vocabulary.has(token));
  const vocabularySize = model.vocabulary.size;
  let allDocuments = 0;
  for (const documents of model.documents.values()) allDocuments += documents;

  const scored: Array<{ categoryId: string; score: number }> = [];
  for (const [categoryId, documents] of model.documents) {
    const counts = model.tokens.get(categoryId);
    const denominator = Math.log(model.tokenTotals.get(categoryId)! + SMOOTHING * vocabularySize);
    let score = Math.log(documents) - Math.log(allDocuments);
    for (const token of known) score += Math.log((counts?.get(token) ?? 0) + SMOOTHING) - denominator;
    scored.push({ categoryId, score });
  }
  scored.sort((a, b) => b.score - a.score || compareIds(a.categoryId, b.categoryId));
  if (scored.length === 0) return [];

  // Softmax relative to the best score, so that no exponential underflows to 0 for all of them.
  const best = scored[0]!.score;
  let sum = 0;
  for (const { score } of scored) sum += Math.exp(score - best);
  return scored.slice(0, k).map(({ categoryId, score }) => ({ categoryId, confidence: formatConfidence(Math.exp(score - best) / sum) }));
}

/** The rows to store, sorted by category id and token. */
export function toRows(model: CategorizerModel): ModelRows {
  const ids = [...model.documents.keys()].sort(compareIds);
  return {
    categories: ids.map((categoryId) => ({
      categoryId,
      documents: model.documents.get(categoryId)!,
      tokens: model.tokenTotals.get(categoryId)!,
    })),
    tokens: ids.flatMap((categoryId) =>
      [...(model.tokens.get(categoryId) ?? new Map<string, number>())]
        .sort(([a], [b]) => compareIds(a, b))
        .map(([token, count]) => ({ categoryId, token, count })),
    ),
  };
}

/**
 * The model the rows describe. Throws a RangeError on rows no sequence of trainings produces
 * (counts that are not positive whole numbers, a repeated row, a token of a category without
 * examples, a category whose token total is not the sum of its token counts).
 */
export function fromRows(rows: ModelRows): CategorizerModel {
  const model = emptyModel();
  for (const { categoryId, documents, tokens } of rows.categories) {
    if (model.documents.has(categoryId)) throw new RangeError(`category ${categoryId} appears twice`);
    checkCount(documents, categoryId);
    checkCount(tokens, categoryId);
    model.documents.set(categoryId, documents);
    model.tokenTotals.set(categoryId, tokens);
  }
  const sums = new Map<string, number>();
  for (const { categoryId, token, count } of rows.tokens) {
    if (!model.documents.has(categoryId)) throw new RangeError(`token ${token} belongs to category ${categoryId}, which has no examples`);
    checkCount(count, categoryId);
    const counts = model.tokens.get(categoryId) ?? new Map<string, number>();
    if (counts.has(token)) throw new RangeError(`token ${token} of category ${categoryId} appears twice`);
    counts.set(token, count);
    model.tokens.set(categoryId, counts);
    model.vocabulary.set(token, (model.vocabulary.get(token) ?? 0) + 1);
    sums.set(categoryId, (sums.get(categoryId) ?? 0) + count);
  }
  for (const [categoryId, total] of model.tokenTotals) {
    if ((sums.get(categoryId) ?? 0) !== total)
      throw new RangeError(`category ${categoryId}: token total ${total} is not the sum of its tokens`);
  }
  return model;
}

/** Number of stored counts: category rows (documents and token total) plus (category, token) rows. */
export function modelEntries(model: CategorizerModel): number {
  let entries = model.documents.size * 2;
  for (const counts of model.tokens.values()) entries += counts.size;
  return entries;
}

function apply(model: CategorizerModel, delta: ModelRows, sign: 1 | -1): void {
  for (const { categoryId, documents, tokens } of delta.categories) {
    addOrDelete(model.documents, categoryId, sign * documents);
    addOrDelete(model.tokenTotals, categoryId, sign * tokens);
  }
  for (const { categoryId, token, count } of delta.tokens) {
    const counts = model.tokens.get(categoryId) ?? new Map<string, number>();
    model.tokens.set(categoryId, counts);
    const had = counts.has(token);
    addOrDelete(counts, token, sign * count);
    if (had !== counts.has(token)) addOrDelete(model.vocabulary, token, sign);
    if (counts.size === 0) model.tokens.delete(categoryId);
  }
}

/** Adds to a count and forgets it at zero, so that an untrained example leaves no empty entry behind. */
function addOrDelete(map: Map<string, number>, key: string, amount: number): void {
  const next = (map.get(key) ?? 0) + amount;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

function checkWeight(weight: number): void {
  if (!Number.isSafeInteger(weight) || weight < 1)
    throw new RangeError(`an example's weight must be a positive whole number, got ${weight}`);
}

function checkCount(count: number, categoryId: string): void {
  if (!Number.isSafeInteger(count) || count < 1)
    throw new RangeError(`category ${categoryId}: count ${count} is not a positive whole number`);
}

/** Code-unit order, the same in every locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Truncates p ∈ [0, 1] to `CONFIDENCE_DECIMALS`: the truncated values of a distribution add up to at most 1. */
function formatConfidence(probability: number): string {
  const scale = 10 ** CONFIDENCE_DECIMALS;
  const units = Math.min(scale, Math.max(0, Math.floor(probability * scale)));
  return `${Math.floor(units / scale)}.${String(units % scale).padStart(CONFIDENCE_DECIMALS, "0")}`;
}
