import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { MAX_PAYEE_TOKENS, payeeTokens } from "./payee-tokens.js";

/** Merchant words that are neither bank words, state codes nor city-like. */
const nameWord = fc.constantFrom(
  "BLUE",
  "BOTTLE",
  "COFFEE",
  "GOLDEN",
  "DRAGON",
  "PIZZERIA",
  "SAFEWAY",
  "PHILZ",
  "TRADER",
  "JOE'S",
  "H&M",
  "24",
);
const name = fc.array(nameWord, { minLength: 1, maxLength: 4 }).map((words) => words.join(" "));
const bankPrefix = fc.constantFrom(
  "",
  "SQ *",
  "TST* ",
  "PAYPAL *",
  "POS PURCHASE ",
  "POS DEBIT SQ *",
  "PURCHASE AUTHORIZED ON 03/14 ",
  "CHECKCARD 0314 ",
);
const bankSuffix = fc.constantFrom(
  "",
  " #1234",
  " 0423 OAKLAND CA",
  " SAN FRANCISCO CA",
  "   SAN MATEO CA",
  " 866-579-7172",
  " S584073517034522 CARD 4417",
  " 24431064073123456789012",
  " 03/14",
);

describe("payeeTokens properties", () => {
  it("reads the same merchant words whatever the bank printed around them", () => {
    fc.assert(
      fc.property(name, bankPrefix, bankSuffix, fc.boolean(), (merchant, before, after, lower) => {
        const printed = `${before}${merchant}${after}`;
        expect(payeeTokens(lower ? printed.toLowerCase() : printed)).toEqual(payeeTokens(merchant));
      }),
      { numRuns: 500 },
    );
  });

  it("gives lowercase letter-and-digit tokens, at most the maximum, and a key made of them", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 100 })), (payee) => {
        const { tokens, merchantKey } = payeeTokens(payee);
        expect(tokens.length).toBeLessThanOrEqual(MAX_PAYEE_TOKENS);
        expect(new Set(tokens).size).toBe(tokens.length);
        for (const token of tokens) expect(token).toMatch(/^[\p{L}\p{N}]{2,}$/u);
        for (const word of merchantKey === "" ? [] : merchantKey.split(" ")) expect(tokens).toContain(word);
        expect(merchantKey === "").toBe(tokens.length === 0);
      }),
      { numRuns: 500 },
    );
  });
});
