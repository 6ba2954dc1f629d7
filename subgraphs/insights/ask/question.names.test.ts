import { describe, expect, it } from "vitest";

import { parseQuestion } from "./question.parser.js";
import type { ParsedQuestion, QuestionContext } from "./question.query.js";

const CATEGORIES: QuestionContext["categories"] = [
  { id: "groceries", name: "Groceries", parentId: null },
  { id: "dining", name: "Food & Dining", parentId: null },
  { id: "restaurants", name: "Restaurants", parentId: "dining" },
  { id: "fast-food", name: "Fast food", parentId: "dining" },
  { id: "bills", name: "Bills & Utilities", parentId: null },
  { id: "gas", name: "Gas", parentId: "transport" },
  { id: "transport", name: "Transport", parentId: null },
  { id: "salary", name: "Salary", parentId: null },
  { id: "movies", name: "Movies", parentId: null },
];
const PAYEES = ["Amazon", "Amazon Prime", "Whole Foods", "Netflix", "SQ *BLUE BOTTLE 1234"];
const today = "2026-11-15";

const ask = (question: string, context: Partial<QuestionContext> = {}): ParsedQuestion =>
  parseQuestion(question, { today, categories: CATEGORIES, payees: PAYEES, ...context });

/** The category ids and payee of an understood question. */
function names(question: string, context: Partial<QuestionContext> = {}): { categories: string[]; payee?: string } {
  const parsed = ask(question, context);
  if (!parsed.understood) throw new Error(`${parsed.answer.reason}: ${parsed.answer.message}`);
  const query = parsed.query as { categories?: Array<{ id: string }>; payee?: string };
  return { categories: (query.categories ?? []).map((c) => c.id), ...(query.payee === undefined ? {} : { payee: query.payee }) };
}

describe("category names in questions", () => {
  it("ignores case and plural", () => {
    expect(names("How much did I spend on RESTAURANTS last month?").categories).toEqual(["restaurants"]);
    expect(names("how much did i spend on restaurant").categories).toEqual(["restaurants"]);
    expect(names("how much on grocery this week").categories).toEqual(["groceries"]);
    expect(names("how much did I spend on movie tickets".replace(" tickets", "")).categories).toEqual(["movies"]);
    expect(names("how much did I spend on utility bills").categories).toEqual(["bills"]);
  });

  it("takes the category that meets most words, then the one most covered, then the one nearest the top", () => {
    expect(names("how much did I spend on fast food").categories).toEqual(["fast-food"]);
    // "food" meets "Food & Dining" and "Fast food" half each; Food & Dining is at the top.
    expect(names("how much did I spend on food").categories).toEqual(["dining"]);
    expect(names("how much did I spend on groceries and gas in March").categories).toEqual(["groceries", "gas"]);
  });

  it("uses a synonym only for a word no category has", () => {
    const withoutFood = CATEGORIES.filter((c) => c.id !== "dining" && c.id !== "fast-food");
    expect(names("how much did I spend on food", { categories: withoutFood }).categories).toEqual(["groceries"]);
    expect(names("how much did I spend on eating out", { categories: withoutFood }).categories).toEqual(["restaurants"]);
    expect(names("how much did I spend on petrol").categories).toEqual(["gas"]);
    expect(names("how much did I spend on electricity").categories).toEqual(["bills"]);
  });

  it("answers a word that names no category with the categories there are", () => {
    const parsed = ask("How much did I spend on coffee last month?");
    expect(parsed).toMatchObject({ understood: false, answer: { reason: "UNKNOWN_CATEGORY", unmatched: "coffee" } });
    if (parsed.understood) return;
    expect(parsed.answer.categories).toEqual(CATEGORIES.map((c) => c.name));
    expect(parsed.answer.message).toContain("Groceries, Food & Dining, Restaurants");
    expect(parsed.answer.capabilities.length).toBe(6);
  });

  it("does not drop an unknown word beside a known one", () => {
    expect(ask("how much did I spend on groceries and coffee")).toMatchObject({ understood: false, answer: { unmatched: "coffee" } });
  });

  it("says so when the user has no categories", () => {
    const parsed = ask("how much did I spend on groceries", { categories: [] });
    expect(parsed).toMatchObject({ understood: false, answer: { reason: "UNKNOWN_CATEGORY", categories: [] } });
  });

  it("survives a parent cycle and a missing parent", () => {
    const odd = [
      { id: "a", name: "Food", parentId: "b" },
      { id: "b", name: "Food", parentId: "a" },
      { id: "c", name: "Food", parentId: "missing" },
    ];
    // a and b sit on a cycle one step from where the walk stops; c's missing parent makes it top-level.
    expect(names("how much on food", { categories: odd }).categories).toEqual(["c"]);
  });
});

describe("payees in questions", () => {
  it("resolves 'at X' to the user's payee, whole name first, then the earlier listed", () => {
    expect(names("What did I spend at Amazon in 2025?")).toEqual({ categories: [], payee: "Amazon" });
    expect(names("what did I spend at amazon prime")).toEqual({ categories: [], payee: "Amazon Prime" });
    expect(names("how much did I spend at blue bottle")).toEqual({ categories: [], payee: "SQ *BLUE BOTTLE 1234" });
    expect(names("how much did I pay to the whole foods market")).toEqual({ categories: [], payee: "Whole Foods" });
  });

  it("finds a payee named without a preposition", () => {
    expect(names("how much did I spend on netflix this year")).toEqual({ categories: [], payee: "Netflix" });
  });

  it("takes 'at restaurants' as the category it names exactly", () => {
    expect(names("how much did I spend at restaurants")).toEqual({ categories: ["restaurants"] });
  });

  it("keeps a category and a payee together", () => {
    expect(names("how much did I spend on groceries at whole foods")).toEqual({ categories: ["groceries"], payee: "Whole Foods" });
  });

  it("answers a payee the user never paid", () => {
    expect(ask("what did I spend at Joe's Diner")).toMatchObject({
      understood: false,
      answer: { reason: "UNKNOWN_PAYEE", unmatched: "Joe's Diner" },
    });
  });

  it("takes the payee as typed when no payee list is given", () => {
    expect(names("what did I spend at Joe's Diner last week", { payees: undefined })).toEqual({ categories: [], payee: "Joe's Diner" });
  });

  it("reads income from a category after 'from'", () => {
    const parsed = ask("how much income from salary last year");
    expect(parsed).toMatchObject({
      understood: true,
      query: { kind: "INCOME_TOTAL", categories: [{ id: "salary", name: "Salary" }], range: { from: "2025-01-01", to: "2025-12-31" } },
    });
  });
});
