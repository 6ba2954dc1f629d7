import { describe, expect, it } from "vitest";

import type { TextCondition } from "./rule.types.js";
import { compileTextCondition, foldCase, TextForms } from "./text-matcher.js";

const test = (condition: TextCondition, text: string) => compileTextCondition(condition, "conditions.payee")(new TextForms(text));

describe("CONTAINS", () => {
  it("ignores case and surrounding whitespace by default", () => {
    expect(test({ operator: "CONTAINS", value: "  mktp " }, "AMZN MKTP DE")).toBe(true);
    expect(test({ operator: "CONTAINS", value: "tesco" }, "Coffee")).toBe(false);
  });

  it("respects case when asked", () => {
    expect(test({ operator: "CONTAINS", value: "MKTP", caseSensitive: true }, "AMZN MKTP")).toBe(true);
    expect(test({ operator: "CONTAINS", value: "mktp", caseSensitive: true }, "AMZN MKTP")).toBe(false);
  });

  it("folds Unicode case fully and treats composed and decomposed accents alike", () => {
    expect(test({ operator: "CONTAINS", value: "café" }, "CAFÉ DE FLORE")).toBe(true);
    expect(test({ operator: "CONTAINS", value: "Cafe\u0301" }, "le café")).toBe(true);
    expect(test({ operator: "CONTAINS", value: "STRASSE" }, "Hauptstraße 1")).toBe(true);
  });
});

describe("EQUALS", () => {
  it("compares the whole trimmed text, ignoring case by default", () => {
    expect(test({ operator: "EQUALS", value: "amazon" }, "  Amazon\t")).toBe(true);
    expect(test({ operator: "EQUALS", value: "amazon" }, "Amazon Prime")).toBe(false);
  });

  it("respects case when asked, still ignoring surrounding whitespace", () => {
    expect(test({ operator: "EQUALS", value: "Amazon ", caseSensitive: true }, " Amazon")).toBe(true);
    expect(test({ operator: "EQUALS", value: "amazon", caseSensitive: true }, "Amazon")).toBe(false);
  });
});

describe("REGEX", () => {
  it("searches anywhere, case-insensitively by default", () => {
    expect(test({ operator: "REGEX", value: "^amzn\\s+mktp" }, "AMZN  MKTP DE*123")).toBe(true);
    expect(test({ operator: "REGEX", value: "mktp$" }, "AMZN MKTP DE")).toBe(false);
    expect(test({ operator: "REGEX", value: "émile" }, "PAIEMENT ÉMILE")).toBe(true);
  });

  it("respects case when asked", () => {
    expect(test({ operator: "REGEX", value: "^AMZN", caseSensitive: true }, "AMZN MKTP")).toBe(true);
    expect(test({ operator: "REGEX", value: "^amzn", caseSensitive: true }, "AMZN MKTP")).toBe(false);
  });

  it("matches Unicode code points, not UTF-16 halves", () => {
    expect(test({ operator: "REGEX", value: "^.$" }, "😀")).toBe(true);
  });

  it("survives a catastrophic-backtracking pattern", () => {
    // A backtracking engine takes minutes here; RE2 answers in one pass.
    expect(test({ operator: "REGEX", value: "(a+)+$" }, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")).toBe(false);
    expect(test({ operator: "REGEX", value: "(a|aa)*b" }, "a".repeat(50_000))).toBe(false);
  });
});

describe("foldCase", () => {
  it("meets ß and SS, and word-final sigma typed either way", () => {
    expect(foldCase("Straße")).toBe(foldCase("STRASSE"));
    expect(foldCase("ΟΔΟΣ")).toBe(foldCase("οδος"));
  });

  it("folds to lower case, where the Kelvin sign meets k", () => {
    expect(foldCase("Straße")).toBe("strasse");
    expect(foldCase("\u212A")).toBe("k");
    expect(test({ operator: "EQUALS", value: "k" }, "\u212A")).toBe(true);
  });
});

describe("compileTextCondition", () => {
  it("refuses a condition that is null or not an object, naming the field it was given", () => {
    for (const condition of [null, "tesco"]) {
      expect(() => compileTextCondition(condition as unknown as TextCondition, "conditions.notes")).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "conditions.notes" }) }),
      );
    }
  });
});
