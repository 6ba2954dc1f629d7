import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { PriceProviderError } from "./price-provider.js";
import { parseStooqCsv } from "./stooq-csv.js";

const fixture = readFileSync(new URL("./fixtures/stooq-aapl.us-daily.csv", import.meta.url), "utf8");

const failureOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof PriceProviderError ? `${error.failure}: ${error.message}` : `other: ${String(error)}`;
  }
  return "no error";
};

describe("Stooq's daily CSV", () => {
  it("reads each trading day's close as published, oldest first, within the days asked", () => {
    const all = parseStooqCsv(fixture, "2025-01-01", "2025-02-28");
    expect(all).toHaveLength(30);
    expect(all[0]).toEqual({ date: "2025-01-02", close: "243.8815" });
    expect(all.at(-1)).toEqual({ date: "2025-02-14", close: "242.778" });
    // Weekends and market holidays are simply absent (2025-01-09, 2025-01-20).
    expect(all.map((c) => c.date)).not.toContain("2025-01-09");
    expect(all.map((c) => c.date)).not.toContain("2025-01-20");
    expect(parseStooqCsv(fixture, "2025-01-06", "2025-01-08")).toEqual([
      { date: "2025-01-06", close: "236.5551" },
      { date: "2025-01-07", close: "232.463" },
      { date: "2025-01-08", close: expect.any(String) },
    ]);
  });

  it("takes the columns by name, whatever their order, and a byte-order mark", () => {
    expect(parseStooqCsv("\uFEFFClose,Date\n10.5,2025-01-02\n", "2025-01-01", "2025-01-31")).toEqual([
      { date: "2025-01-02", close: "10.5" },
    ]);
  });

  it("refuses answers that carry no closes rather than reading them as a quiet market", () => {
    expect(failureOf(() => parseStooqCsv("No data", "2025-01-01", "2025-01-31"))).toMatch(/^NO_DATA: stooq: no data/);
    expect(failureOf(() => parseStooqCsv("Brak danych", "2025-01-01", "2025-01-31"))).toMatch(/^NO_DATA/);
    expect(failureOf(() => parseStooqCsv("  \r\n", "2025-01-01", "2025-01-31"))).toBe("NO_DATA: stooq: empty answer");
    expect(failureOf(() => parseStooqCsv("<!DOCTYPE html><html>captcha</html>", "2025-01-01", "2025-01-31"))).toMatch(/^NOT_CSV: .*HTML/);
    expect(failureOf(() => parseStooqCsv("Exceeded the daily hits limit", "2025-01-01", "2025-01-31"))).toMatch(
      /^NOT_CSV: .*"Exceeded the daily hits limit"/,
    );
  });

  it("refuses a close it cannot read exactly instead of skipping or rounding it", () => {
    for (const bad of ["2025-01-02,1e-5", "2025-01-02,", "2025-01-02,-3.1", "02/01/2025,3.1", "2025-01-02,N/D"]) {
      expect(
        failureOf(() => parseStooqCsv(`Date,Close\n2025-01-03,3\n${bad}\n`, "2025-01-01", "2025-01-31")),
        bad,
      ).toMatch(/^MALFORMED: stooq: line 3/);
    }
  });
});
