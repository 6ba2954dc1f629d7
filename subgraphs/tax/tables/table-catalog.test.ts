import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { forFilingStatus } from "./by-filing-status.js";
import { TAX_TABLE_DATA_DIR, TaxTableCatalog } from "./table-catalog.js";
import { TaxTableFileError } from "./table-file.js";

const STATUSES = ["SINGLE", "MARRIED_FILING_JOINTLY", "MARRIED_FILING_SEPARATELY", "HEAD_OF_HOUSEHOLD"];
const catalog = TaxTableCatalog.fromDirectory();

const clientError = (code: string, field: string, available: unknown[]) =>
  expect.objectContaining({ extensions: expect.objectContaining({ code, field, available }) });

describe("the shipped tables", () => {
  it("loads every file of the data folder, one table each", () => {
    const files = readdirSync(TAX_TABLE_DATA_DIR).filter((name) => name.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(catalog.list()).toHaveLength(files.length);
  });

  it("gives every sub-table a source and a figure for every filing status", () => {
    for (const table of catalog.list()) {
      const sections = [
        table.ordinaryBrackets,
        table.standardDeduction,
        table.capitalGainsBrackets,
        table.capitalLossLimit,
        table.saltCap,
        table.childTaxCredit,
      ];
      for (const section of [...sections, table.medicalFloor]) {
        expect(section.source.citation).not.toBe("");
        expect(section.source.url).toMatch(/^https:\/\//);
      }
      for (const section of sections) expect(Object.keys(section.byFilingStatus)).toEqual(table.filingStatuses);
    }
  });

  it("ships US 2024 and both 2025 revisions, in key order", () => {
    expect(catalog.list().map((t) => [t.jurisdiction, t.year, t.revision, t.effectiveDate])).toEqual([
      ["US", 2024, "REV_PROC_2023_34", "2023-11-09"],
      ["US", 2025, "REV_PROC_2024_40", "2024-10-22"],
      ["US", 2025, "OBBBA_2025", "2025-07-04"],
    ]);
    for (const table of catalog.list()) {
      expect(table.filingStatuses).toEqual(STATUSES);
      expect(table.currency).toBe("USD");
    }
  });

  it("filters by jurisdiction and year", () => {
    expect(catalog.list({ year: 2025 }).map((t) => t.revision)).toEqual(["REV_PROC_2024_40", "OBBBA_2025"]);
    expect(catalog.list({ jurisdiction: "US", year: 2024 }).map((t) => t.revision)).toEqual(["REV_PROC_2023_34"]);
    expect(catalog.list({ jurisdiction: "FR" })).toEqual([]);
    expect(catalog.list({ year: 2023 })).toEqual([]);
  });

  it("converts amounts to minor units and keeps rates as exact percent strings", () => {
    const t2024 = catalog.resolve("US", 2024);
    expect(t2024.ordinaryBrackets.byFilingStatus.SINGLE!.map((b) => [b.overMinor, b.ratePercent])).toEqual([
      [0n, "10"],
      [11_600_00n, "12"],
      [47_150_00n, "22"],
      [100_525_00n, "24"],
      [191_950_00n, "32"],
      [243_725_00n, "35"],
      [609_350_00n, "37"],
    ]);
    expect(t2024.standardDeduction.byFilingStatus).toEqual({
      SINGLE: 14_600_00n,
      MARRIED_FILING_JOINTLY: 29_200_00n,
      MARRIED_FILING_SEPARATELY: 14_600_00n,
      HEAD_OF_HOUSEHOLD: 21_900_00n,
    });
    expect(t2024.capitalLossLimit.byFilingStatus.MARRIED_FILING_SEPARATELY).toBe(1_500_00n);
    expect(t2024.saltCap.byFilingStatus.SINGLE).toEqual({
      limitMinor: 10_000_00n,
      phaseDownOverMinor: null,
      phaseDownPercent: null,
      floorMinor: null,
    });
    expect(t2024.medicalFloor.percentOfAgi).toBe("7.5");
    expect(t2024.childTaxCredit.byFilingStatus.MARRIED_FILING_JOINTLY).toEqual({
      perChildMinor: 2_000_00n,
      phaseOutOverMinor: 400_000_00n,
      stepMinor: 1_000_00n,
      reductionMinor: 50_00n,
    });
  });

  it("keeps the two 2025 revisions apart: OBBBA changes the deduction, SALT cap and credit, not the brackets", () => {
    const original = catalog.resolve("US", 2025, "REV_PROC_2024_40");
    const obbba = catalog.resolve("US", 2025, "OBBBA_2025");
    expect(obbba.ordinaryBrackets.byFilingStatus).toEqual(original.ordinaryBrackets.byFilingStatus);
    expect(obbba.capitalGainsBrackets.byFilingStatus).toEqual(original.capitalGainsBrackets.byFilingStatus);
    expect(original.standardDeduction.byFilingStatus.MARRIED_FILING_JOINTLY).toBe(30_000_00n);
    expect(obbba.standardDeduction.byFilingStatus).toEqual({
      SINGLE: 15_750_00n,
      MARRIED_FILING_JOINTLY: 31_500_00n,
      MARRIED_FILING_SEPARATELY: 15_750_00n,
      HEAD_OF_HOUSEHOLD: 23_625_00n,
    });
    expect(obbba.saltCap.byFilingStatus.MARRIED_FILING_SEPARATELY).toEqual({
      limitMinor: 20_000_00n,
      phaseDownOverMinor: 250_000_00n,
      phaseDownPercent: "30",
      floorMinor: 5_000_00n,
    });
    expect(obbba.childTaxCredit.byFilingStatus.SINGLE!.perChildMinor).toBe(2_200_00n);
    expect(original.childTaxCredit.byFilingStatus.SINGLE!.perChildMinor).toBe(2_000_00n);
  });

  it("hands out frozen tables, so one request cannot change another's law", () => {
    const table = catalog.resolve("US", 2024);
    expect(Object.isFrozen(table)).toBe(true);
    expect(Object.isFrozen(table.ordinaryBrackets.byFilingStatus.SINGLE![0])).toBe(true);
  });
});

describe("resolve", () => {
  it("takes the revision that took effect last when none is named", () => {
    expect(catalog.resolve("US", 2025).revision).toBe("OBBBA_2025");
    expect(catalog.resolve("US", 2025, null).revision).toBe("OBBBA_2025");
    expect(catalog.resolve("US", 2024).revision).toBe("REV_PROC_2023_34");
  });

  it("takes a named revision", () => {
    expect(catalog.resolve("US", 2025, "REV_PROC_2024_40").effectiveDate).toBe("2024-10-22");
  });

  it("refuses an unknown jurisdiction, listing those that exist", () => {
    expect(() => catalog.resolve("FR", 2024)).toThrow(clientError("UNKNOWN_JURISDICTION", "jurisdiction", ["US"]));
    expect(() => catalog.resolve("us", 2024)).toThrow('no tax tables for jurisdiction "us"; available: US');
  });

  it("refuses an unknown year, listing the jurisdiction's years", () => {
    expect(() => catalog.resolve("US", 2023)).toThrow(clientError("UNKNOWN_TAX_YEAR", "year", [2024, 2025]));
    expect(() => catalog.resolve("US", 2023)).toThrow("no US tax table for 2023; available years: 2024, 2025");
  });

  it("refuses an unknown revision, listing the year's revisions oldest first", () => {
    expect(() => catalog.resolve("US", 2025, "TCJA")).toThrow(
      clientError("UNKNOWN_REVISION", "revision", ["REV_PROC_2024_40", "OBBBA_2025"]),
    );
    expect(() => catalog.resolve("US", 2024, "OBBBA_2025")).toThrow(
      'no revision "OBBBA_2025" of the US 2024 tax table; available revisions: REV_PROC_2023_34',
    );
  });

  it("shortens what the client sent in the message", () => {
    expect(() => catalog.resolve("X".repeat(500), 2024)).toThrow(`"${"X".repeat(32)}…"`);
  });

  it("refuses a filing status the table does not have, listing its statuses", () => {
    const table = catalog.resolve("US", 2024);
    expect(() => forFilingStatus(table, table.standardDeduction, "QUALIFYING_SURVIVING_SPOUSE")).toThrow(
      clientError("UNKNOWN_FILING_STATUS", "filingStatus", STATUSES),
    );
    expect(() => forFilingStatus(table, table.standardDeduction, "toString")).toThrow(
      'filing status "toString" is not in the US 2024 tax table; available: SINGLE, MARRIED_FILING_JOINTLY, MARRIED_FILING_SEPARATELY, HEAD_OF_HOUSEHOLD',
    );
    expect(forFilingStatus(table, table.standardDeduction, "HEAD_OF_HOUSEHOLD")).toBe(21_900_00n);
  });
});

describe("a bad table file fails loudly, naming the file and the field", () => {
  type Json = Record<string, any>;
  const shipped = (name: string): Json => JSON.parse(readFileSync(join(TAX_TABLE_DATA_DIR, name), "utf8"));
  let dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
  });

  function folder(files: Record<string, Json | string>): string {
    const dir = mkdtempSync(join(tmpdir(), "tax-tables-"));
    dirs.push(dir);
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
    }
    return dir;
  }

  /** The error a folder holding one changed copy of the 2024 table gives. */
  function errorOf(change: (json: Json) => void, name = "us-2024-test.json"): TaxTableFileError {
    const json = shipped("us-2024-rev-proc-2023-34.json");
    change(json);
    try {
      TaxTableCatalog.fromDirectory(folder({ [name]: json }));
    } catch (error) {
      expect(error).toBeInstanceOf(TaxTableFileError);
      return error as TaxTableFileError;
    }
    throw new Error("the catalog accepted the file");
  }

  const expectError = (error: TaxTableFileError, field: string | null, reason: string | RegExp) => {
    expect(error.file).toBe("us-2024-test.json");
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
    expect(error.message).toContain(`tax table us-2024-test.json: ${field ? `${field}: ` : ""}`);
  };

  it("accepts an unchanged copy, and ignores files that are not JSON", () => {
    const dir = folder({ "us-2024-copy.json": shipped("us-2024-rev-proc-2023-34.json"), "README.md": "# notes" });
    expect(TaxTableCatalog.fromDirectory(dir).list()).toHaveLength(1);
  });

  it("a filing status missing from a sub-table", () => {
    const error = errorOf((json) => delete json.standardDeduction.byFilingStatus.HEAD_OF_HOUSEHOLD);
    expectError(error, "standardDeduction.byFilingStatus.HEAD_OF_HOUSEHOLD", "missing");
  });

  it("a filing status a sub-table has but filingStatuses does not list", () => {
    const error = errorOf((json) => (json.capitalLossLimit.byFilingStatus.WIDOW = "3000"));
    expectError(error, "capitalLossLimit.byFilingStatus.WIDOW", /not one of filingStatuses/);
  });

  it("a filing status listed twice", () => {
    expectError(
      errorOf((json) => json.filingStatuses.push("SINGLE")),
      "filingStatuses[4]",
      "SINGLE is listed twice",
    );
  });

  it("bands that do not ascend", () => {
    const error = errorOf((json) => (json.ordinaryBrackets.byFilingStatus.SINGLE[3].over = "47150"));
    expectError(error, "ordinaryBrackets.byFilingStatus.SINGLE[3].over", /bands must ascend/);
  });

  it("a first band that does not start over 0", () => {
    const error = errorOf((json) => (json.capitalGainsBrackets.byFilingStatus.MARRIED_FILING_JOINTLY[0].over = "1"));
    expectError(error, "capitalGainsBrackets.byFilingStatus.MARRIED_FILING_JOINTLY[0].over", "the first band must start over 0");
  });

  it("no bands at all", () => {
    expectError(
      errorOf((json) => (json.ordinaryBrackets.byFilingStatus.SINGLE = [])),
      "ordinaryBrackets.byFilingStatus.SINGLE",
      /at least one band/,
    );
  });

  it.each([
    ["12%", /percent string/],
    ["101", /must not exceed 100/],
    ["12.1234567", /at most six decimals/],
    ["-1", /percent string/],
  ])("a bad rate %s", (rate, reason) => {
    expectError(
      errorOf((json) => (json.ordinaryBrackets.byFilingStatus.SINGLE[1].ratePercent = rate)),
      "ordinaryBrackets.byFilingStatus.SINGLE[1].ratePercent",
      reason,
    );
  });

  it("a bad medical floor percent", () => {
    expectError(
      errorOf((json) => (json.medicalFloor.percentOfAgi = "7,5")),
      "medicalFloor.percentOfAgi",
      /percent string/,
    );
  });

  it("an amount written as a JSON number (a float), negative, or finer than the currency's cents", () => {
    expectError(
      errorOf((json) => (json.standardDeduction.byFilingStatus.SINGLE = 14600)),
      "standardDeduction.byFilingStatus.SINGLE",
      /string/,
    );
    expectError(
      errorOf((json) => (json.standardDeduction.byFilingStatus.SINGLE = "-14600")),
      "standardDeduction.byFilingStatus.SINGLE",
      /non-negative decimal string/,
    );
    expectError(
      errorOf((json) => (json.saltCap.byFilingStatus.SINGLE.limit = "10000.005")),
      "saltCap.byFilingStatus.SINGLE.limit",
      "USD allows at most 2 decimal places",
    );
  });

  it("a field missing or unknown at the top or inside", () => {
    expectError(
      errorOf((json) => delete json.currency),
      "currency",
      "missing",
    );
    expectError(
      errorOf((json) => delete json.childTaxCredit.source),
      "childTaxCredit.source",
      "missing",
    );
    expectError(
      errorOf((json) => (json.personalExemption = "0")),
      "personalExemption",
      "unknown field",
    );
    expectError(
      errorOf((json) => (json.ordinaryBrackets.byFilingStatus.SINGLE[0].upTo = "11600")),
      "ordinaryBrackets.byFilingStatus.SINGLE[0].upTo",
      "unknown field",
    );
  });

  it("a bad date, year, revision name, currency or source", () => {
    expectError(
      errorOf((json) => (json.effectiveDate = "2023-02-30")),
      "effectiveDate",
      /YYYY-MM-DD/,
    );
    expectError(
      errorOf((json) => (json.year = 2024.5)),
      "year",
      /./,
    );
    expectError(
      errorOf((json) => (json.revision = "rev proc")),
      "revision",
      /upper-case/,
    );
    expectError(
      errorOf((json) => (json.currency = "XYZ")),
      "currency",
      /unknown currency/,
    );
    expectError(
      errorOf((json) => (json.currency = "usd")),
      "currency",
      'must be written "USD"',
    );
    expectError(
      errorOf((json) => (json.saltCap.source.url = "irs.gov")),
      "saltCap.source.url",
      /URL/,
    );
    expectError(
      errorOf((json) => (json.saltCap.source.citation = " ")),
      "saltCap.source.citation",
      /empty/,
    );
  });

  it("inconsistent SALT phase-down and child tax credit figures", () => {
    expectError(
      errorOf((json) => (json.saltCap.byFilingStatus.SINGLE.phaseDown = { overModifiedAgi: "500000", percent: "30", floor: "20000" })),
      "saltCap.byFilingStatus.SINGLE.phaseDown.floor",
      "must not exceed the limit",
    );
    expectError(
      errorOf((json) => (json.childTaxCredit.byFilingStatus.SINGLE.step = "0")),
      "childTaxCredit.byFilingStatus.SINGLE.step",
      "must be more than 0",
    );
  });

  it("a file named for another jurisdiction or year", () => {
    const error = errorOf(() => {}, "us-2025-test.json");
    expect(error.file).toBe("us-2025-test.json");
    expect(error.field).toBe("jurisdiction");
    expect(error.reason).toMatch(/must start with "us-2024-"/);
  });

  it("text that is not JSON", () => {
    expect(() => TaxTableCatalog.fromDirectory(folder({ "us-2024-broken.json": "{ not json" }))).toThrow(
      /^tax table us-2024-broken\.json: not valid JSON/,
    );
  });

  it("the same revision in two files", () => {
    const json = shipped("us-2024-rev-proc-2023-34.json");
    const dir = folder({ "us-2024-a.json": json, "us-2024-b.json": { ...json, effectiveDate: "2024-01-01" } });
    expect(() => TaxTableCatalog.fromDirectory(dir)).toThrow(
      expect.objectContaining({ file: "us-2024-b.json", field: "revision", reason: "REV_PROC_2023_34 is also in us-2024-a.json" }),
    );
  });

  it("two revisions of one year taking effect the same day", () => {
    const json = shipped("us-2024-rev-proc-2023-34.json");
    const dir = folder({ "us-2024-a.json": json, "us-2024-b.json": { ...json, revision: "OTHER" } });
    expect(() => TaxTableCatalog.fromDirectory(dir)).toThrow(expect.objectContaining({ file: "us-2024-b.json", field: "effectiveDate" }));
  });

  it("an empty or missing folder", () => {
    expect(() => TaxTableCatalog.fromDirectory(folder({}))).toThrow(/no tax table files/);
    expect(() => TaxTableCatalog.fromDirectory(join(tmpdir(), "no-such-tax-folder"))).toThrow(/cannot read the folder \(ENOENT\)/);
  });
});
