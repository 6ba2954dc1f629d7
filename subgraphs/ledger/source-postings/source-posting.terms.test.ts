import { describe, expect, it } from "vitest";

import type { GroupLedgerPostingV1 } from "../../../schema/events/groups.js";
import { changedTerms, payeeOf, postingTerms } from "./source-posting.terms.js";

const USER = "6f1c2a3b-0000-4000-8000-00000000000a";
const ACCOUNT = "6f1c2a3b-0000-4000-8000-00000000000b";
const OTHER = "6f1c2a3b-0000-4000-8000-00000000000c";

const posting = (extra: Partial<GroupLedgerPostingV1> = {}): GroupLedgerPostingV1 => ({
  userId: USER.toUpperCase(),
  accountId: ACCOUNT,
  amountMinor: "-4250",
  currency: "usd",
  date: "2026-11-10",
  description: "Dinner",
  ...extra,
});

const fieldOf = (f: () => unknown) => {
  try {
    f();
    return "OK";
  } catch (e) {
    const { code, field } = (e as { extensions: { code?: string; field?: string } }).extensions;
    return `${code}:${field}`;
  }
};

describe("postingTerms", () => {
  it("reads a posting as the ledger books it", () => {
    expect(postingTerms(posting())).toEqual({
      userId: USER,
      accountId: ACCOUNT,
      amount: { amountMinor: -4250n, currency: "USD" },
      date: "2026-11-10",
      payee: "Dinner",
    });
  });

  it("refuses what no ledger could book, naming the field", () => {
    expect(fieldOf(() => postingTerms(posting({ userId: "x" })))).toBe("BAD_USER_INPUT:posting.userId");
    expect(fieldOf(() => postingTerms(posting({ accountId: "x" })))).toBe("BAD_USER_INPUT:posting.accountId");
    for (const amountMinor of ["-42.50", "1e3", "", " 5", "1234567890123456789"])
      expect(
        fieldOf(() => postingTerms(posting({ amountMinor }))),
        amountMinor,
      ).toBe("BAD_USER_INPUT:posting.amountMinor");
    expect(fieldOf(() => postingTerms(posting({ currency: "XYZ1" })))).toBe("BAD_USER_INPUT:currency");
    expect(fieldOf(() => postingTerms(posting({ date: "2026-02-30" })))).toBe("BAD_USER_INPUT:posting.date");
  });
});

describe("payeeOf", () => {
  it("puts the description on one line within the ledger's 200 characters", () => {
    expect(payeeOf("  Dinner at\n\n Luigi's  ")).toBe("Dinner at Luigi's");
    expect(payeeOf("a".repeat(250))).toBe("a".repeat(200));
  });

  it("never cuts an emoji in half", () => {
    const cut = payeeOf(`${"a".repeat(199)}😀 and more`);
    expect(cut).toBe("a".repeat(199));
    expect(payeeOf(`${"a".repeat(198)}😀 and more`)).toBe(`${"a".repeat(198)}😀`);
  });
});

describe("changedTerms", () => {
  const before = postingTerms(posting());

  it("is empty for the posting already applied", () => {
    expect(changedTerms(before, postingTerms(posting()))).toEqual({});
  });

  it("changes only the fields the group changed", () => {
    expect(changedTerms(before, postingTerms(posting({ description: "Dinner and drinks" })))).toEqual({ payee: "Dinner and drinks" });
    expect(changedTerms(before, postingTerms(posting({ amountMinor: "-5000", date: "2026-11-11" })))).toEqual({
      amount: { amountMinor: -5000n, currency: "USD" },
      date: "2026-11-11",
    });
    expect(changedTerms(before, postingTerms(posting({ accountId: OTHER, currency: "EUR" })))).toEqual({
      accountId: OTHER,
      amount: { amountMinor: -4250n, currency: "EUR" },
    });
  });
});
