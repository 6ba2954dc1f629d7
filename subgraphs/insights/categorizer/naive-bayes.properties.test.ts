import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { categoryId, example, input, weight, weightedExamples } from "./naive-bayes.arbitraries.js";
import { type CategorizerExample, type CategorizerModel, emptyModel, fromRows, suggest, toRows, train, untrain } from "./naive-bayes.js";

function trained(examples: ReadonlyArray<readonly [CategorizerExample, number]>): CategorizerModel {
  const model = emptyModel();
  for (const [e, w] of examples) train(model, e, w);
  return model;
}

/** Every category the model knows, most likely first. */
const ranking = (model: CategorizerModel, query: Parameters<typeof suggest>[1]) =>
  suggest(model, query, Math.max(1, model.documents.size)).map((s) => s.categoryId);

describe("naive Bayes properties", () => {
  it("untraining an example just trained restores the exact model, Map order included", () => {
    fc.assert(
      fc.property(weightedExamples, example, weight, (examples, e, w) => {
        const model = trained(examples);
        const before = structuredClone(model);
        train(model, e, w);
        untrain(model, e, w);
        expect(model).toStrictEqual(before);
        expect([...model.documents.keys()]).toEqual([...before.documents.keys()]);
        expect(toRows(model)).toEqual(toRows(before));
      }),
      { numRuns: 300 },
    );
  });

  it("untraining every example in any order leaves the empty model", () => {
    fc.assert(
      fc.property(
        weightedExamples.chain((examples) =>
          fc.tuple(fc.constant(examples), fc.shuffledSubarray(examples, { minLength: examples.length })),
        ),
        ([examples, order]) => {
          const model = trained(examples);
          for (const [e, w] of order) untrain(model, e, w);
          expect(model).toStrictEqual(emptyModel());
        },
      ),
      { numRuns: 200 },
    );
  });

  it("gives confidences that add up to at most 1 and never rise down the list", () => {
    fc.assert(
      fc.property(weightedExamples, input, fc.integer({ min: 1, max: 6 }), (examples, query, k) => {
        const suggestions = suggest(trained(examples), query, k);
        const units = suggestions.map((s) => Number(s.confidence.replace(".", "")));
        for (const s of suggestions) expect(s.confidence).toMatch(/^[01]\.\d{4}$/);
        expect(units.reduce((sum, u) => sum + u, 0)).toBeLessThanOrEqual(10_000);
        for (let i = 1; i < units.length; i++) expect(units[i]).toBeLessThanOrEqual(units[i - 1]!);
        expect(suggestions.length).toBe(Math.min(k, new Set(examples.map(([e]) => e.categoryId)).size));
      }),
      { numRuns: 300 },
    );
  });

  it("never names a category the model has no examples of, including one whose examples were all taken back", () => {
    fc.assert(
      fc.property(weightedExamples, categoryId, input, (examples, forgotten, query) => {
        const model = trained(examples);
        for (const [e, w] of examples) if (e.categoryId === forgotten) untrain(model, e, w);
        const known = new Set(examples.map(([e]) => e.categoryId).filter((id) => id !== forgotten));
        for (const s of suggest(model, query, 10)) expect(known.has(s.categoryId)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never lowers a category's rank for a transaction when more transactions like it are given that category", () => {
    fc.assert(
      fc.property(weightedExamples, input, categoryId, weight, fc.integer({ min: 1, max: 3 }), (examples, query, target, w, times) => {
        const model = trained(examples);
        const before = ranking(model, query).indexOf(target);
        for (let i = 0; i < times; i++) train(model, { ...query, categoryId: target }, w);
        const after = ranking(model, query).indexOf(target);
        expect(after).toBeGreaterThanOrEqual(0);
        if (before >= 0) expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it("never lowers a category's rank for a payee word when more examples pair that word with the category", () => {
    fc.assert(
      fc.property(weightedExamples, example, weight, (examples, e, w) => {
        const model = trained(examples);
        const query = { payee: e.payee, amountMinor: e.amountMinor };
        const before = ranking(model, query).indexOf(e.categoryId);
        train(model, e, w);
        const after = ranking(model, query).indexOf(e.categoryId);
        if (before >= 0) expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: 2000 },
    );
  });

  it("rebuilds the same model from its rows", () => {
    fc.assert(
      fc.property(weightedExamples, input, (examples, query) => {
        const model = trained(examples);
        const rebuilt = fromRows(toRows(model));
        expect(toRows(rebuilt)).toEqual(toRows(model));
        expect(rebuilt.vocabulary).toEqual(model.vocabulary);
        expect(suggest(rebuilt, query, 5)).toEqual(suggest(model, query, 5));
      }),
      { numRuns: 200 },
    );
  });
});
