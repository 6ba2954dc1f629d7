import { describe, expect, it } from "vitest";

import { BankProviderError } from "./bank-provider.js";
import { accessUrlOf, claimUrlOf, minorUnits, parseAccountSet } from "./simplefin.parsing.js";

const account = (transactions: unknown[], extra: Record<string, unknown> = {}) => ({
  id: "ACT-1",
  name: "Checking",
  currency: "USD",
  balance: "1234.5600",
  "available-balance": "1200.00",
  "balance-date": 1_780_000_000,
  org: { name: "First Bank", domain: "first.example" },
  transactions,
  ...extra,
});

describe("SimpleFIN parsing", () => {
  it("reads amounts as minor units through platform/money, dropping only zero excess precision", () => {
    expect(minorUnits("-12.30", "USD")).toBe(-1230n);
    expect(minorUnits("+5", "USD")).toBe(500n);
    expect(minorUnits("1234.5600", "USD")).toBe(123456n);
    expect(minorUnits("100.00", "JPY")).toBe(100n);
    expect(minorUnits("1.005", "USD")).toBeNull();
    expect(minorUnits("1e3", "USD")).toBeNull();
    expect(minorUnits("12,30", "USD")).toBeNull();
    expect(minorUnits("", "USD")).toBeNull();
  });

  it("turns accounts, pending ones included, into the provider's shape", () => {
    const [a] = parseAccountSet(
      JSON.stringify({
        errors: [],
        accounts: [
          account([
            { id: "T1", posted: 1_779_900_000, amount: "-4.50", description: "COFFEE SHOP 123", payee: "Coffee Shop", memo: "latte" },
            { id: "T2", posted: 0, transacted_at: 1_779_990_000, amount: "-20.00", description: "GAS", pending: true },
            { id: "T3", posted: 1_779_900_000, amount: "0.00", description: "zero" },
            { id: "T4", posted: 1_779_900_000, amount: "abc", description: "broken" },
          ]),
        ],
      }),
    );
    expect(a).toMatchObject({ id: "ACT-1", currency: "USD", balanceMinor: 123456n, institution: "First Bank" });
    expect(a!.transactions).toEqual([
      { id: "T1", date: "2026-05-27", amountMinor: -450n, payee: "Coffee Shop", memo: "latte", pending: false },
      { id: "T2", date: "2026-05-28", amountMinor: -2000n, payee: "GAS", memo: "", pending: true },
    ]);
  });

  it("leaves out an account in a currency the ledger cannot hold", () => {
    expect(parseAccountSet(JSON.stringify({ errors: [], accounts: [account([], { currency: "https://points.example/miles" })] }))).toEqual(
      [],
    );
  });

  it("rejects garbage as a transient failure, never a partial result", () => {
    for (const body of [
      "<html>",
      "null",
      "{}",
      JSON.stringify({ accounts: [{ id: "x" }] }),
      JSON.stringify({ accounts: [account([], { balance: "n/a" })] }),
    ]) {
      expect(() => parseAccountSet(body)).toThrow(BankProviderError);
      try {
        parseAccountSet(body);
      } catch (error) {
        expect((error as BankProviderError).failure).toBe("TRANSIENT");
      }
    }
  });

  it("decodes a setup token to its claim URL and refuses anything else", () => {
    const token = Buffer.from("https://bridge.example/simplefin/claim/abc").toString("base64");
    expect(claimUrlOf(token).toString()).toBe("https://bridge.example/simplefin/claim/abc");
    expect(claimUrlOf(Buffer.from("http://127.0.0.1:8080/claim/x").toString("base64")).port).toBe("8080");
    for (const bad of [
      "",
      "not a token!",
      Buffer.from("ftp://x/y").toString("base64"),
      Buffer.from("http://bridge.example/claim").toString("base64"),
    ])
      expect(() => claimUrlOf(bad)).toThrow(expect.objectContaining({ failure: "BAD_TOKEN" }));
    expect(accessUrlOf("https://u:p@bridge.example/simplefin").username).toBe("u");
    expect(() => accessUrlOf("https://bridge.example/simplefin")).toThrow(BankProviderError);
  });
});
