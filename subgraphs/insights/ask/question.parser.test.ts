import { describe, expect, it } from "vitest";

import { describeQuery } from "./question.describe.js";
import { CAPABILITIES } from "./question.help.js";
import { parseQuestion } from "./question.parser.js";
import { DEFAULT_TOP_LIMIT, type InsightQuery, MAX_QUESTION_LENGTH, type ParsedQuestion, type QuestionContext } from "./question.query.js";

const CATEGORIES: QuestionContext["categories"] = [
  { id: "groceries", name: "Groceries", parentId: null },
  { id: "restaurants", name: "Restaurants", parentId: null },
  { id: "salary", name: "Salary", parentId: null },
];
const today = "2026-11-15";
const ask = (question: string, at = today): ParsedQuestion => parseQuestion(question, { today: at, categories: CATEGORIES });

function query(question: string, at = today): InsightQuery {
  const parsed = ask(question, at);
  if (!parsed.understood) throw new Error(`${parsed.answer.reason}: ${parsed.answer.message}`);
  return parsed.query;
}

const badInputOn = (field: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field }) });

describe("parseQuestion", () => {
  it("reads the issue's three questions", () => {
    expect(query("How much did I spend on restaurants last month?")).toEqual({
      kind: "SPENDING_TOTAL",
      range: { from: "2026-10-01", to: "2026-10-31" },
      categories: [{ id: "restaurants", name: "Restaurants" }],
    });
    expect(query("What were my biggest expenses in March?")).toEqual({
      kind: "TOP_EXPENSES",
      range: { from: "2026-03-01", to: "2026-03-31" },
      limit: DEFAULT_TOP_LIMIT,
    });
    // Asked on Nov 15: this year so far against last year to the same day.
    expect(query("Compare groceries this year vs last year")).toEqual({
      kind: "COMPARE",
      measure: "SPENDING",
      rangeA: { from: "2026-01-01", to: "2026-11-15" },
      rangeB: { from: "2025-01-01", to: "2025-11-15" },
      categories: [{ id: "groceries", name: "Groceries" }],
    });
  });

  it("parses every example it offers as the kind it offers it for", () => {
    const parsePayees = { today, categories: CATEGORIES, payees: ["Amazon"] };
    for (const capability of CAPABILITIES) {
      for (const example of capability.examples) {
        const parsed = parseQuestion(example, parsePayees);
        expect(parsed.understood ? parsed.query.kind : parsed.answer.reason, example).toBe(capability.kind);
      }
    }
  });

  it("tells the kinds apart", () => {
    expect(query("What did I spend at Amazon in 2025?")).toMatchObject({ kind: "SPENDING_TOTAL", payee: "Amazon" });
    expect(query("how much did I earn this year")).toMatchObject({ kind: "INCOME_TOTAL" });
    expect(query("how much was I paid in October")).toMatchObject({ kind: "INCOME_TOTAL" });
    expect(query("how much did I make last month")).toMatchObject({ kind: "INCOME_TOTAL" });
    expect(query("what purchases did I make last month")).toMatchObject({ kind: "SPENDING_TOTAL" });
    expect(query("Where did my money go last week?")).toEqual({
      kind: "SPENDING_BY_CATEGORY",
      range: { from: "2026-11-02", to: "2026-11-08" },
    });
    expect(query("spending by category in Q1")).toMatchObject({ kind: "SPENDING_BY_CATEGORY" });
    expect(query("what's my savings rate this year")).toEqual({ kind: "SAVINGS_RATE", range: { from: "2026-01-01", to: "2026-11-15" } });
    expect(query("how much did I save last month")).toMatchObject({ kind: "SAVINGS_RATE" });
    expect(query("groceries last month")).toMatchObject({ kind: "SPENDING_TOTAL", categories: [{ id: "groceries" }] });
  });

  it("reads how many top expenses", () => {
    expect(query("top 5 purchases last week")).toMatchObject({ kind: "TOP_EXPENSES", limit: 5 });
    expect(query("my three largest expenses this year")).toMatchObject({ limit: 3 });
    expect(query("what was my biggest expense in 2024")).toMatchObject({ limit: 1 });
    expect(query("top 5000 expenses")).toMatchObject({ limit: 100 });
    expect(query("biggest restaurant expenses in March")).toMatchObject({ categories: [{ id: "restaurants" }] });
  });

  it("compares like for like, or with the period before when only one is named", () => {
    // this month so far (Nov 1..15) against Oct 1..15.
    expect(query("groceries this month vs last month")).toMatchObject({
      rangeA: { from: "2026-11-01", to: "2026-11-15" },
      rangeB: { from: "2026-10-01", to: "2026-10-15" },
    });
    expect(query("compare income this month")).toMatchObject({
      measure: "INCOME",
      rangeA: { from: "2026-11-01", to: "2026-11-15" },
      rangeB: { from: "2026-10-01", to: "2026-10-15" },
    });
    // The 30 days to Nov 15 start Oct 17; the 30 before end Oct 16 and start Sep 17.
    expect(query("compare spending in the last 30 days")).toMatchObject({
      rangeA: { from: "2026-10-17", to: "2026-11-15" },
      rangeB: { from: "2026-09-17", to: "2026-10-16" },
    });
    // Two whole periods stay whole; "March to April" in a comparison is two months.
    expect(query("compare March to April")).toMatchObject({
      rangeA: { from: "2026-03-01", to: "2026-03-31" },
      rangeB: { from: "2026-04-01", to: "2026-04-30" },
    });
    expect(query("compare groceries January to March vs April to June")).toMatchObject({
      rangeA: { from: "2026-01-01", to: "2026-03-31" },
      rangeB: { from: "2026-04-01", to: "2026-06-30" },
    });
    expect(query("did I spend more on groceries this month than last month")).toMatchObject({ kind: "COMPARE" });
    // Aug 16..Nov 15 against the as many days before: May 16..Aug 15 (92 days each).
    expect(query("how much did I spend on groceries in the last 3 months compared to the 3 months before")).toMatchObject({
      categories: [{ id: "groceries" }],
      rangeA: { from: "2026-08-16", to: "2026-11-15" },
      rangeB: { from: "2026-05-16", to: "2026-08-15" },
    });
    expect(query("compare")).toMatchObject({ rangeA: { from: "2026-11-01" }, rangeB: { from: "2026-10-01", to: "2026-10-15" } });
  });

  it("compares like for like across month ends and leap days", () => {
    // Mar 30 back one month is Feb 28: March so far against the whole of February.
    expect(query("groceries this month vs last month", "2027-03-30")).toMatchObject({
      rangeA: { from: "2027-03-01", to: "2027-03-30" },
      rangeB: { from: "2027-02-01", to: "2027-02-28" },
    });
    // Feb 29 2028 a year back is Feb 28 2027.
    expect(query("compare groceries this year vs last year", "2028-02-29")).toMatchObject({
      rangeA: { from: "2028-01-01", to: "2028-02-29" },
      rangeB: { from: "2027-01-01", to: "2027-02-28" },
    });
    // Asked on the last day of a month, this month is whole and so is last month.
    expect(query("groceries this month vs last month", "2027-03-31")).toMatchObject({
      rangeA: { from: "2027-03-01", to: "2027-03-31" },
      rangeB: { from: "2027-02-01", to: "2027-02-28" },
    });
    // January so far (to the 10th) against December to the 10th, whichever side is named first.
    expect(query("compare December vs January", "2026-01-10")).toMatchObject({
      rangeA: { from: "2025-12-01", to: "2025-12-10" },
      rangeB: { from: "2026-01-01", to: "2026-01-10" },
    });
    expect(query("compare this week vs last week", "2026-11-11")).toMatchObject({
      rangeA: { from: "2026-11-09", to: "2026-11-11" },
      rangeB: { from: "2026-11-02", to: "2026-11-04" },
    });
  });

  it("refuses empty and overlong questions with an answer, not a throw", () => {
    expect(ask("   ")).toMatchObject({ understood: false, answer: { reason: "EMPTY" } });
    const long = `how much did I spend on groceries ${"very ".repeat(60)}`;
    expect(long.length).toBeGreaterThan(MAX_QUESTION_LENGTH);
    expect(ask(long)).toMatchObject({ understood: false, answer: { reason: "TOO_LONG" } });
    expect(ask("x".repeat(MAX_QUESTION_LENGTH))).toMatchObject({ understood: false, answer: { reason: "NOT_UNDERSTOOD" } });
  });

  it("says what can be asked when it does not understand", () => {
    for (const question of ["hello", "q4", "what is the meaning of life", "from December to February"]) {
      const parsed = ask(question);
      expect(parsed, question).toMatchObject({ understood: false, answer: { reason: "NOT_UNDERSTOOD" } });
      if (!parsed.understood) expect(parsed.answer.capabilities.map((c) => c.kind)).toContain("SPENDING_TOTAL");
    }
  });

  it("refuses a context that is wrong, which is the caller's mistake", () => {
    expect(() => parseQuestion("how much", { today: "2026-02-30", categories: [] })).toThrow(badInputOn("today"));
    expect(() => parseQuestion("how much", { today, categories: [], firstDayOfWeek: 7 })).toThrow(badInputOn("firstDayOfWeek"));
  });

  it("keeps what looks like a month but is a verb", () => {
    expect(query("may I know how much I spent on groceries")).toMatchObject({ range: { from: "2026-11-01", to: "2026-11-15" } });
  });
});

describe("describeQuery", () => {
  it("says what was run", () => {
    expect(describeQuery(query("How much did I spend on restaurants last month?"))).toBe(
      "Spending in Restaurants from 2026-10-01 to 2026-10-31",
    );
    expect(describeQuery(query("how much did I spend on groceries and restaurants yesterday"))).toBe(
      "Spending in Groceries and Restaurants on 2026-11-14",
    );
    expect(describeQuery(query("Compare groceries this year vs last year"))).toBe(
      "Spending in Groceries from 2026-01-01 to 2026-11-15 compared with 2025-01-01 to 2025-11-15",
    );
    expect(describeQuery(query("What were my biggest expenses in March?"))).toBe("The 10 largest expenses from 2026-03-01 to 2026-03-31");
    expect(describeQuery(query("what was my biggest expense in 2024"))).toBe("The largest expense from 2024-01-01 to 2024-12-31");
    expect(describeQuery(query("where did my money go last week"))).toBe("Spending by category from 2026-11-02 to 2026-11-08");
    expect(describeQuery(query("savings rate this year"))).toBe("Savings rate from 2026-01-01 to 2026-11-15");
    expect(describeQuery(query("how much income from salary in 2025"))).toBe("Income in Salary from 2025-01-01 to 2025-12-31");
    expect(
      describeQuery({
        kind: "SPENDING_TOTAL",
        range: { from: "2026-01-01", to: "2026-01-31" },
        categories: [
          { id: "a", name: "A" },
          { id: "b", name: "B" },
          { id: "c", name: "C" },
        ],
        payee: "Amazon",
      }),
    ).toBe("Spending in A, B and C at Amazon from 2026-01-01 to 2026-01-31");
  });
});
