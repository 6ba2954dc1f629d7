import { describe, expect, it } from "vitest";

import { exchangeText, nameText, securityKind, symbolText } from "./security-fields.js";

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions: { field: string } }).extensions.field;
  }
  return "accepted";
};

describe("security fields", () => {
  it("keep symbols upper case with tickers' punctuation", () => {
    expect(["aapl", " vwce.de ", "BRK.B", "btc-usd", "^gspc", "ASML:NA"].map((s) => symbolText(s))).toEqual([
      "AAPL",
      "VWCE.DE",
      "BRK.B",
      "BTC-USD",
      "^GSPC",
      "ASML:NA",
    ]);
    for (const bad of ["", "   ", "A B", "x".repeat(33), "AAPL;DROP", ".A"])
      expect(
        fieldOf(() => symbolText(bad, "prices[4].symbol")),
        bad,
      ).toBe("prices[4].symbol");
  });

  it("check names, exchanges and kinds", () => {
    expect(nameText("  Vanguard FTSE All-World  ")).toBe("Vanguard FTSE All-World");
    expect(fieldOf(() => nameText("bad\u0007name"))).toBe("name");
    expect(exchangeText("  ")).toBeNull();
    expect(exchangeText(null)).toBeNull();
    expect(exchangeText("XETRA")).toBe("XETRA");
    expect(fieldOf(() => exchangeText("x".repeat(41)))).toBe("exchange");
    expect(securityKind("ETF")).toBe("ETF");
    expect(fieldOf(() => securityKind("WARRANT"))).toBe("kind");
  });
});
