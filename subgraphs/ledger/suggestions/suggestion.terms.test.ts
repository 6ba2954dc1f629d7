import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";

import {
  confidenceOf,
  DEFAULT_SUGGESTION_SETTINGS,
  minConfidenceText,
  settingsRefusal,
  shownDecimal,
  type SuggestionTarget,
  targetRefusal,
} from "./suggestion.terms.js";

const outcome = (f: () => unknown) => {
  try {
    return f();
  } catch (e) {
    const { code, field } = (e as { extensions: { code?: string; field?: string } }).extensions;
    return `${code}:${field}`;
  }
};

describe("minConfidenceText", () => {
  it("takes decimals from 0.50 to 1.00 with up to four places, written as people write them", () => {
    expect(["0.5", "0.50", "0.9", "0.925", "0.9312", "1", "1.0000", " 0.75 "].map(minConfidenceText)).toEqual([
      "0.50",
      "0.50",
      "0.90",
      "0.925",
      "0.9312",
      "1.00",
      "1.00",
      "0.75",
    ]);
  });

  it("refuses anything else on the field minConfidence", () => {
    for (const bad of ["0.49", "0.4999", "1.0001", "2", "", "abc", "-0.9", "0.90001", "9e-1", ".9", "0,9", "NaN", "Infinity", "0.9 0"])
      expect(
        outcome(() => minConfidenceText(bad)),
        bad,
      ).toBe("BAD_USER_INPUT:minConfidence");
  });
});

describe("confidenceOf", () => {
  it("reads insights' confidences and nothing that is not one", () => {
    expect(confidenceOf("0.9312")?.toFixed(4)).toBe("0.9312");
    expect(confidenceOf("1")?.toFixed(4)).toBe("1.0000");
    expect(confidenceOf("0")?.toFixed(4)).toBe("0.0000");
    for (const bad of [0.93, null, undefined, "1.01", "-0.1", "0.93121", "", "1e0"]) expect(confidenceOf(bad), String(bad)).toBeNull();
  });
});

describe("shownDecimal", () => {
  it("keeps at least two places and drops trailing zeros past them", () => {
    expect(["0.9000", "0.9250", "1.0000", "0.5"].map(shownDecimal)).toEqual(["0.90", "0.925", "1.00", "0.50"]);
  });
});

describe("settingsRefusal", () => {
  it("applies from the threshold up, inclusive, and nothing when the user turned it off", () => {
    expect(settingsRefusal(DEFAULT_SUGGESTION_SETTINGS, new Decimal("0.9000"))).toBeNull();
    expect(settingsRefusal(DEFAULT_SUGGESTION_SETTINGS, new Decimal("0.8999"))).toMatch(/below/);
    expect(settingsRefusal({ autoApply: true, minConfidence: "0.95" }, new Decimal("0.9312"))).toMatch(/below/);
    expect(settingsRefusal({ autoApply: false, minConfidence: "0.50" }, new Decimal("1"))).toMatch(/themselves/);
  });
});

describe("targetRefusal", () => {
  const target = (
    t: Partial<NonNullable<SuggestionTarget["transaction"]>> = {},
    category: SuggestionTarget["category"] = { kind: "EXPENSE" },
  ) =>
    targetRefusal({
      transaction: {
        kind: "EXPENSE",
        deleted: false,
        locked: false,
        suggestionTaken: false,
        categoryLines: [null],
        ruleSetsCategory: false,
        ...t,
      },
      category,
    });

  it("lets a suggestion of the right kind onto an uncategorised single-line income or expense", () => {
    expect(target()).toBeNull();
    expect(target({ kind: "INCOME" }, { kind: "INCOME" })).toBeNull();
  });

  it("keeps it off everything else", () => {
    expect(targetRefusal({ transaction: null, category: { kind: "EXPENSE" } })).toMatch(/no such transaction/);
    expect(target({ kind: "TRANSFER", categoryLines: [] })).toMatch(/transfer/);
    expect(target({ deleted: true })).toMatch(/deleted/);
    expect(target({ locked: true })).toMatch(/reconciled/);
    expect(target({ categoryLines: [null, null] })).toMatch(/split/);
    expect(target({ categoryLines: ["0b4f3a52-0000-4000-8000-000000000001"] })).toMatch(/has a category/);
    expect(target({ ruleSetsCategory: true })).toMatch(/rule/);
    expect(target({ suggestionTaken: true })).toMatch(/before/);
    expect(target({}, null)).toMatch(/no such category/);
    expect(target({}, { kind: "INCOME" })).toMatch(/does not fit/);
  });
});
