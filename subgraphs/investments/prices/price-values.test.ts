import { describe, expect, it } from "vitest";

import { feedCloseMinor, positiveClose } from "./price-values.js";

const rejection = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, field } = (error as { extensions: { code: string; field: string } }).extensions;
    return `${code}:${field}`;
  }
  return "accepted";
};

describe("a close typed by a user", () => {
  it("is a positive amount in the currency's precision", () => {
    expect(positiveClose("189.45", "usd", "prices[0].close")).toEqual({ amountMinor: 18945n, currency: "USD" });
    expect(positiveClose("15300", "JPY", "close")).toEqual({ amountMinor: 15300n, currency: "JPY" });
  });

  it("is refused naming the amount or its currency", () => {
    expect(rejection(() => positiveClose("0", "USD", "prices[2].close"))).toBe("BAD_USER_INPUT:prices[2].close");
    expect(rejection(() => positiveClose("-1.00", "USD", "prices[2].close"))).toBe("BAD_USER_INPUT:prices[2].close");
    expect(rejection(() => positiveClose("1.005", "USD", "prices[2].close"))).toBe("BAD_USER_INPUT:prices[2].close");
    expect(rejection(() => positiveClose("1e3", "USD", "close"))).toBe("BAD_USER_INPUT:close");
    expect(rejection(() => positiveClose("10", "XYZ", "prices[1].close"))).toBe("BAD_USER_INPUT:prices[1].close.currency");
  });
});

describe("a feed's close", () => {
  it("becomes minor units rounded once, half up, to the currency's precision", () => {
    expect(feedCloseMinor("243.8815", "USD")).toBe(24388n);
    expect(feedCloseMinor("243.885", "USD")).toBe(24389n);
    expect(feedCloseMinor("243.8849999", "USD")).toBe(24388n);
    expect(feedCloseMinor("242.778", "USD")).toBe(24278n);
    expect(feedCloseMinor("15300.5", "JPY")).toBe(15301n);
    expect(feedCloseMinor("1.2345", "KWD")).toBe(1235n);
    // Far beyond a double's precision: still exact.
    expect(feedCloseMinor("123456789012345.125", "USD")).toBe(12345678901234513n);
  });

  it("is not used when it is not a plain positive decimal or rounds to nothing", () => {
    for (const bad of ["0", "0.004", "-1", "1e3", "abc", "", "1.2.3"]) expect(feedCloseMinor(bad, "USD"), bad).toBeNull();
  });
});
