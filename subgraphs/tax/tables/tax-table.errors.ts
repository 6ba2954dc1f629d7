import { ClientError } from "../../../platform/errors/index.js";

/*
 * Asking for a table that does not exist is the client's mistake, and the answer says what does
 * exist: each error has its own code, the offending `field`, and `available` (what the client can
 * ask for instead), so a form can offer the choices without a second query.
 */
export const UNKNOWN_JURISDICTION = "UNKNOWN_JURISDICTION";
export const UNKNOWN_TAX_YEAR = "UNKNOWN_TAX_YEAR";
export const UNKNOWN_REVISION = "UNKNOWN_REVISION";
export const UNKNOWN_FILING_STATUS = "UNKNOWN_FILING_STATUS";

// What the client sent is echoed, shortened: a message must stay a line whatever arrives.
const echo = (text: string) => JSON.stringify(text.length > 32 ? `${text.slice(0, 32)}…` : text);

export const unknownJurisdiction = (jurisdiction: string, available: string[]) =>
  new ClientError(UNKNOWN_JURISDICTION, `no tax tables for jurisdiction ${echo(jurisdiction)}; available: ${available.join(", ")}`, {
    field: "jurisdiction",
    available,
  });

export const unknownTaxYear = (jurisdiction: string, year: number, available: number[]) =>
  new ClientError(UNKNOWN_TAX_YEAR, `no ${jurisdiction} tax table for ${year}; available years: ${available.join(", ")}`, {
    field: "year",
    available,
  });

export const unknownRevision = (jurisdiction: string, year: number, revision: string, available: string[]) =>
  new ClientError(
    UNKNOWN_REVISION,
    `no revision ${echo(revision)} of the ${jurisdiction} ${year} tax table; available revisions: ${available.join(", ")}`,
    { field: "revision", available },
  );

export const unknownFilingStatus = (jurisdiction: string, year: number, filingStatus: string, available: string[]) =>
  new ClientError(
    UNKNOWN_FILING_STATUS,
    `filing status ${echo(filingStatus)} is not in the ${jurisdiction} ${year} tax table; available: ${available.join(", ")}`,
    { field: "filingStatus", available },
  );
