import type { Decimal } from "decimal.js";

import { badInput } from "../../../platform/errors/index.js";
import { calendarDate } from "../../../platform/time/index.js";
import { assertPercent } from "./rate.js";

export const LOAN_METHODS = ["AMORTIZING", "SIMPLE", "INTEREST_ONLY"] as const;
export type LoanMethod = (typeof LOAN_METHODS)[number];

export const MAX_TERM_MONTHS = 600;
/** Every amount of a schedule fits a PostgreSQL bigint, with its sum. */
export const MAX_MINOR = 2n ** 63n - 1n;

export interface LoanTerms {
  /** Amount lent, in minor units of the loan's currency. */
  principalMinor: bigint;
  /** Yearly rate in percent, 0..100, at most six decimals (see `parseAnnualRate`). */
  annualRatePercent: Decimal;
  termMonths: number;
  /** YYYY-MM-DD; installment k is due `dueDate(startDate, k)`. */
  startDate: string;
  method: LoanMethod;
}

export interface ScheduledInstallment {
  number: number;
  dueDate: string;
  paymentMinor: bigint;
  interestMinor: bigint;
  principalMinor: bigint;
  /** Principal still owed once this installment is paid. */
  balanceMinor: bigint;
}

/** Checks what a client chose (each failure names its input field) and returns the terms with the start date normalized. */
export function checkTerms(terms: LoanTerms): LoanTerms {
  if (!(LOAN_METHODS as readonly string[]).includes(terms.method)) {
    throw badInput(`method must be one of ${LOAN_METHODS.join(", ")}`, { field: "method" });
  }
  if (terms.principalMinor <= 0n) throw badInput("principal must be more than zero", { field: "principal" });
  if (terms.principalMinor > MAX_MINOR) throw badInput("principal is too large", { field: "principal" });
  assertPercent(terms.annualRatePercent, "annualRatePercent");
  if (!Number.isInteger(terms.termMonths) || terms.termMonths < 1 || terms.termMonths > MAX_TERM_MONTHS) {
    throw badInput(`termMonths must be a whole number of months from 1 to ${MAX_TERM_MONTHS}`, { field: "termMonths" });
  }
  return { ...terms, startDate: calendarDate(terms.startDate, "startDate") };
}

export function sumOf(rows: readonly ScheduledInstallment[], key: "paymentMinor" | "interestMinor" | "principalMinor"): bigint {
  return rows.reduce((total, row) => total + row[key], 0n);
}
