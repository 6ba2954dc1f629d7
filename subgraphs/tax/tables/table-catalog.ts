import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { parseTableFile, TaxTableFileError } from "./table-file.js";
import { unknownFilingStatus, unknownJurisdiction, unknownRevision, unknownTaxYear } from "./tax-table.errors.js";
import type { TaxTable } from "./tax-table.js";

/**
 * The shipped tables: `data/` next to this file, from the sources (tsx) and in the build alike
 * (`scripts/build-assets.ts` copies the folder into dist/, since tsc copies no JSON).
 */
export const TAX_TABLE_DATA_DIR = fileURLToPath(new URL("./data", import.meta.url));

export interface TaxTableFilter {
  jurisdiction?: string;
  year?: number;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const byKey = (a: TaxTable, b: TaxTable) =>
  a.jurisdiction.localeCompare(b.jurisdiction) ||
  a.year - b.year ||
  a.effectiveDate.localeCompare(b.effectiveDate) ||
  a.revision.localeCompare(b.revision);

/**
 * Every tax table the service knows, read once at startup. Adding a year, a revision or a country
 * is adding a file to the data folder (and its tests); no code names a table.
 */
export class TaxTableCatalog {
  private readonly tables: readonly TaxTable[];

  private constructor(tables: TaxTable[]) {
    this.tables = deepFreeze([...tables].sort(byKey));
  }

  /**
   * Reads and checks every `*.json` file in `dir`, stopping on the first bad one with a
   * TaxTableFileError naming the file and the field. An empty folder is an error too: a tax service
   * without tables is a broken deployment, not an empty answer.
   */
  static fromDirectory(dir: string = TAX_TABLE_DATA_DIR): TaxTableCatalog {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      throw new TaxTableFileError(dir, null, `cannot read the folder (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
    const files = names.filter((name) => name.endsWith(".json")).sort();
    if (files.length === 0) throw new TaxTableFileError(dir, null, "no tax table files (*.json) in this folder");
    const seen = new Map<string, string>();
    const tables: TaxTable[] = [];
    for (const file of files) {
      const table = parseTableFile(file, readFileSync(join(dir, file), "utf8"));
      const revisionKey = `${table.jurisdiction} ${table.year} ${table.revision}`;
      const dateKey = `${table.jurisdiction} ${table.year} ${table.effectiveDate}`;
      if (seen.has(revisionKey)) throw new TaxTableFileError(file, "revision", `${table.revision} is also in ${seen.get(revisionKey)}`);
      // Two revisions taking effect the same day would leave the default revision to chance.
      if (seen.has(dateKey)) {
        throw new TaxTableFileError(
          file,
          "effectiveDate",
          `${seen.get(dateKey)} takes effect on the same day; the default would be ambiguous`,
        );
      }
      seen.set(revisionKey, file).set(dateKey, file);
      tables.push(table);
    }
    return new TaxTableCatalog(tables);
  }

  /** The tables, by jurisdiction, year, then effective date (oldest revision first). */
  list(filter: TaxTableFilter = {}): TaxTable[] {
    return this.tables.filter(
      (table) =>
        (filter.jurisdiction === undefined || table.jurisdiction === filter.jurisdiction) &&
        (filter.year === undefined || table.year === filter.year),
    );
  }

  /**
   * The table a computation uses: the named revision, or the one that took effect last for that
   * year. Unknown jurisdiction, year or revision throw UNKNOWN_JURISDICTION, UNKNOWN_TAX_YEAR or
   * UNKNOWN_REVISION, each listing what exists.
   */
  resolve(jurisdiction: string, year: number, revision?: string | null): TaxTable {
    const inJurisdiction = this.tables.filter((table) => table.jurisdiction === jurisdiction);
    if (inJurisdiction.length === 0) throw unknownJurisdiction(jurisdiction, distinct(this.tables.map((table) => table.jurisdiction)));
    const inYear = inJurisdiction.filter((table) => table.year === year);
    if (inYear.length === 0) throw unknownTaxYear(jurisdiction, year, distinct(inJurisdiction.map((table) => table.year)));
    if (revision === undefined || revision === null) return inYear.at(-1)!;
    const named = inYear.find((table) => table.revision === revision);
    if (!named)
      throw unknownRevision(
        jurisdiction,
        year,
        revision,
        inYear.map((table) => table.revision),
      );
    return named;
  }

  /** The filing status if the table has it; UNKNOWN_FILING_STATUS listing the table's otherwise. */
  requireFilingStatus(table: TaxTable, filingStatus: string): string {
    if (!table.filingStatuses.includes(filingStatus))
      throw unknownFilingStatus(table.jurisdiction, table.year, filingStatus, table.filingStatuses);
    return filingStatus;
  }

  /** The currency a jurisdiction's tables are in (UNKNOWN_JURISDICTION for one without tables). */
  currencyOf(jurisdiction: string): string {
    const table = this.tables.find((t) => t.jurisdiction === jurisdiction);
    if (!table) throw unknownJurisdiction(jurisdiction, distinct(this.tables.map((t) => t.jurisdiction)));
    return table.currency;
  }

  /** `year` when some jurisdiction has tables for it, else the latest earlier year that has (or `year` when none does). */
  latestYearUpTo(year: number): number {
    const latest = this.tables.filter((t) => t.year <= year).reduce((max, t) => Math.max(max, t.year), -1);
    return latest === -1 ? year : latest;
  }
}

const distinct = <T>(values: T[]): T[] => [...new Set(values)];
