import { unknownFilingStatus } from "./tax-table.errors.js";
import type { ByFilingStatus, FilingStatusCode, TaxTable } from "./tax-table.js";

/** A sub-table's figure for one filing status; a status the table does not have is the client's error (UNKNOWN_FILING_STATUS). */
export function forFilingStatus<T>(table: TaxTable, section: ByFilingStatus<T>, filingStatus: FilingStatusCode): T {
  // The catalog checked that every listed status has a figure in every sub-table.
  if (!table.filingStatuses.includes(filingStatus) || !Object.hasOwn(section.byFilingStatus, filingStatus)) {
    throw unknownFilingStatus(table.jurisdiction, table.year, filingStatus, table.filingStatuses);
  }
  return section.byFilingStatus[filingStatus]!;
}
