import { describe, expect, it } from "vitest";

import {
  type CategorizerExample,
  emptyModel,
  fromRows,
  MANUAL_WEIGHT,
  modelEntries,
  type ModelRows,
  RULE_WEIGHT,
  suggest,
  toRows,
  train,
  trainingDelta,
  untrain,
} from "./naive-bayes.js";

const coffee: CategorizerExample = { payee: "SQ *BLUE BOTTLE 1234 SAN FRANCISCO CA", notes: "", amountMinor: -450n, categoryId: "coffee" };
const rent: CategorizerExample = { payee: "OAKWOOD APTS RENT WEB PMT 2352073589", notes: "", amountMinor: -245_000n, categoryId: "rent" };
const groceries: CategorizerExample = { payee: "SAFEWAY #1234 OAKLAND CA", notes: "", amountMinor: -6_512n, categoryId: "groceries" };

function modelOf(...examples: Array<[CategorizerExample, number]>) {
  const model = emptyModel();
  for (const [example, weight] of examples) train(model, example, weight);
  return model;
}

describe("suggest", () => {
  it("suggests nothing before any training", () => {
    expect(suggest(emptyModel(), { payee: "BLUE BOTTLE", amountMinor: -450n })).toEqual([]);
  });

  it("recognizes a merchant however the bank prints it", () => {
    const model = modelOf([coffee, MANUAL_WEIGHT], [rent, RULE_WEIGHT], [groceries, MANUAL_WEIGHT]);
    const [first] = suggest(model, {
      payee: "PURCHASE AUTHORIZED ON 03/14 SQ *BLUE BOTTLE S584073517034522 CARD 1234",
      amountMinor: -525n,
    });
    expect(first!.categoryId).toBe("coffee");
    expect(Number(first!.confidence)).toBeGreaterThan(0.9);
  });

  it("tells an unknown merchant's category by its amount", () => {
    const model = modelOf([coffee, 1], [rent, 1], [groceries, 1]);
    expect(suggest(model, { payee: "NEW PLACE", amountMinor: -380n })[0]!.categoryId).toBe("coffee");
    expect(suggest(model, { payee: "NEW PLACE", amountMinor: -250_000n })[0]!.categoryId).toBe("rent");
  });

  it("uses the notes: the same shop is a gift when the note says so", () => {
    const model = modelOf(
      [{ payee: "AMZN Mktp US*2K4TY7", notes: "", amountMinor: -3_999n, categoryId: "electronics" }, 1],
      [{ payee: "AMZN Mktp US*7Y2KQ1", notes: "usb cables", amountMinor: -1_299n, categoryId: "electronics" }, 1],
      [{ payee: "AMZN Mktp US*9QW4E2", notes: "birthday gift for mom", amountMinor: -4_500n, categoryId: "gifts" }, 1],
      [{ payee: "Amazon.com*3RT5Y6", notes: "gift for dad", amountMinor: -2_500n, categoryId: "gifts" }, 1],
    );
    expect(suggest(model, { payee: "AMZN Mktp US*5T6Y7U", amountMinor: -3_000n })[0]!.categoryId).toBe("electronics");
    expect(suggest(model, { payee: "AMZN Mktp US*5T6Y7U", notes: "gift for Jo", amountMinor: -3_000n })[0]!.categoryId).toBe("gifts");
  });

  it("lets a manual choice outweigh a rule's", () => {
    const byRule = { ...coffee, categoryId: "restaurants" };
    expect(suggest(modelOf([byRule, RULE_WEIGHT], [coffee, MANUAL_WEIGHT]), coffee)[0]!.categoryId).toBe("coffee");
    expect(suggest(modelOf([byRule, RULE_WEIGHT], [byRule, RULE_WEIGHT], [coffee, RULE_WEIGHT]), coffee)[0]!.categoryId).toBe(
      "restaurants",
    );
  });

  it("returns the top k, most likely first, with confidences that are probabilities", () => {
    const model = modelOf([coffee, 3], [rent, 1], [groceries, 1], [{ ...coffee, categoryId: "restaurants" }, 1]);
    const top = suggest(model, coffee);
    expect(top.map((s) => s.categoryId)).toEqual(["coffee", "restaurants", "groceries"]);
    expect(suggest(model, coffee, 1)).toEqual(top.slice(0, 1));
    const all = suggest(model, coffee, 10);
    expect(all).toHaveLength(4);
    const sum = all.reduce((total, s) => total + Number(s.confidence), 0);
    expect(sum).toBeLessThanOrEqual(1);
    expect(sum).toBeGreaterThan(1 - 4 * 0.0001);
  });

  it("breaks exact ties by category id, whatever the order of training", () => {
    const a = { ...coffee, categoryId: "b-cat" };
    const b = { ...coffee, categoryId: "a-cat" };
    expect(suggest(modelOf([a, 1], [b, 1]), coffee)).toEqual([
      { categoryId: "a-cat", confidence: "0.5000" },
      { categoryId: "b-cat", confidence: "0.5000" },
    ]);
    expect(suggest(modelOf([b, 1], [a, 1]), coffee)).toEqual(suggest(modelOf([a, 1], [b, 1]), coffee));
  });

  it("ignores tokens no category has seen", () => {
    const model = modelOf([coffee, 1], [rent, 1]);
    expect(suggest(model, { ...coffee, notes: "zanzibar quixotic" })).toEqual(suggest(model, coffee));
  });

  it("refuses a k that is not a positive whole number", () => {
    for (const k of [0, -1, 1.5, Number.NaN]) {
      expect(() => suggest(emptyModel(), coffee, k)).toThrow(new RangeError(`k must be a positive whole number, got ${k}`));
    }
  });
});

describe("train and untrain", () => {
  it("counts weighted examples and tokens per category", () => {
    const model = modelOf([coffee, MANUAL_WEIGHT], [coffee, RULE_WEIGHT]);
    expect(model.documents).toEqual(new Map([["coffee", 4]]));
    expect(model.tokens.get("coffee")).toEqual(
      new Map([
        ["p:blue", 4],
        ["p:bottle", 4],
        ["a:-5", 4],
      ]),
    );
    expect(model.tokenTotals).toEqual(new Map([["coffee", 12]]));
    expect(model.vocabulary.size).toBe(3);
    expect(modelEntries(model)).toBe(5);
  });

  it("takes back an edited transaction's old example", () => {
    const model = modelOf([coffee, MANUAL_WEIGHT], [groceries, RULE_WEIGHT]);
    const recategorized = { ...coffee, categoryId: "restaurants" };
    untrain(model, coffee, MANUAL_WEIGHT);
    train(model, recategorized, MANUAL_WEIGHT);
    expect(model).toStrictEqual(modelOf([groceries, RULE_WEIGHT], [recategorized, MANUAL_WEIGHT]));
    expect(suggest(model, coffee)[0]!.categoryId).toBe("restaurants");
  });

  it("refuses to take back what was never trained, and leaves the model as it was", () => {
    const model = modelOf([coffee, RULE_WEIGHT]);
    const before = structuredClone(model);
    expect(() => untrain(model, coffee, MANUAL_WEIGHT)).toThrow(
      new RangeError("the model holds no example like this one in category coffee with weight 3"),
    );
    expect(() => untrain(model, { ...coffee, notes: "with jo" }, RULE_WEIGHT)).toThrow(RangeError);
    expect(() => untrain(model, rent, RULE_WEIGHT)).toThrow(RangeError);
    expect(model).toStrictEqual(before);
  });

  it("refuses weights that are not positive whole numbers", () => {
    for (const weight of [0, -1, 0.5, Number.POSITIVE_INFINITY]) {
      expect(() => train(emptyModel(), coffee, weight)).toThrow(
        new RangeError(`an example's weight must be a positive whole number, got ${weight}`),
      );
    }
  });

  it("describes a training as the rows it adds", () => {
    expect(trainingDelta(coffee, MANUAL_WEIGHT)).toEqual({
      categories: [{ categoryId: "coffee", documents: 3, tokens: 9 }],
      tokens: [
        { categoryId: "coffee", token: "p:blue", count: 3 },
        { categoryId: "coffee", token: "p:bottle", count: 3 },
        { categoryId: "coffee", token: "a:-5", count: 3 },
      ],
    });
  });
});

describe("rows", () => {
  const model = modelOf([coffee, MANUAL_WEIGHT], [rent, RULE_WEIGHT]);

  it("stores the model as sorted category and token rows", () => {
    expect(toRows(model)).toEqual({
      categories: [
        { categoryId: "coffee", documents: 3, tokens: 9 },
        { categoryId: "rent", documents: 1, tokens: 5 },
      ],
      tokens: [
        { categoryId: "coffee", token: "a:-5", count: 3 },
        { categoryId: "coffee", token: "p:blue", count: 3 },
        { categoryId: "coffee", token: "p:bottle", count: 3 },
        { categoryId: "rent", token: "a:-10", count: 1 },
        { categoryId: "rent", token: "p:apts", count: 1 },
        { categoryId: "rent", token: "p:oakwood", count: 1 },
        { categoryId: "rent", token: "p:pmt", count: 1 },
        { categoryId: "rent", token: "p:rent", count: 1 },
      ],
    });
  });

  it("sorts categories and tokens by id whatever the order they were trained in", () => {
    const shuffled = modelOf([rent, RULE_WEIGHT], [groceries, RULE_WEIGHT], [coffee, MANUAL_WEIGHT]);
    const rows = toRows(shuffled);
    expect(rows.categories.map((row) => row.categoryId)).toEqual(["coffee", "groceries", "rent"]);
    expect(rows.tokens.map((row) => `${row.categoryId} ${row.token}`)).toEqual([
      "coffee a:-5",
      "coffee p:blue",
      "coffee p:bottle",
      "groceries a:-7",
      "groceries p:safeway",
      "rent a:-10",
      "rent p:apts",
      "rent p:oakwood",
      "rent p:pmt",
      "rent p:rent",
    ]);
  });

  it("rebuilds the model from its rows", () => {
    const rebuilt = fromRows(toRows(model));
    expect(toRows(rebuilt)).toEqual(toRows(model));
    expect(rebuilt.vocabulary).toEqual(model.vocabulary);
    expect(suggest(rebuilt, coffee)).toEqual(suggest(model, coffee));
  });

  it("refuses rows that no training produces", () => {
    const rows = toRows(model);
    const broken: Array<[(r: ModelRows) => void, string]> = [
      [(r) => (r.categories[0]!.documents = 0), "category coffee: count 0 is not a positive whole number"],
      [(r) => (r.categories[0]!.tokens = 8), "category coffee: token total 8 is not the sum of its tokens"],
      [(r) => (r.tokens[0]!.count = 1.5), "category coffee: count 1.5 is not a positive whole number"],
      [(r) => r.categories.push({ ...r.categories[0]! }), "category coffee appears twice"],
      [(r) => r.tokens.push({ ...r.tokens[0]! }), "token a:-5 of category coffee appears twice"],
      [
        (r) => r.tokens.push({ categoryId: "unknown", token: "p:x", count: 1 }),
        "token p:x belongs to category unknown, which has no examples",
      ],
      // The same faults with the token total made to match, so that only the check named catches them.
      [
        (r) => r.categories.push({ categoryId: "gifts", documents: 1, tokens: 0 }),
        "category gifts: count 0 is not a positive whole number",
      ],
      [
        (r) => r.tokens.push({ categoryId: "coffee", token: "p:extra", count: 0 }),
        "category coffee: count 0 is not a positive whole number",
      ],
      [
        (r) => {
          r.tokens.push({ ...r.tokens[0]! });
          r.categories[0]!.tokens += r.tokens[0]!.count;
        },
        "token a:-5 of category coffee appears twice",
      ],
    ];
    for (const [breakRows, message] of broken) {
      const copy = structuredClone(rows);
      breakRows(copy);
      expect(() => fromRows(copy)).toThrow(new RangeError(message));
    }
  });
});
