import type { SaltCap } from "../tables/tax-table.js";
import { percentOf } from "./percent.js";
import { saltCapAt } from "./salt-cap.js";

/** Schedule A, as far as the user's categories go. Paid amounts below zero (refunds exceeding payments) count as 0. */
export interface ItemizedDeduction {
  /** DEDUCTION categories (charity, mortgage interest, ...), taken whole. */
  otherDeductionsMinor: bigint;
  /** STATE_AND_LOCAL_TAX categories as paid. */
  stateAndLocalTaxPaidMinor: bigint;
  /** The cap at this AGI (see `saltCapAt`). */
  stateAndLocalTaxCapMinor: bigint;
  /** min(paid, cap). */
  stateAndLocalTaxAllowedMinor: bigint;
  /** MEDICAL categories as paid. */
  medicalPaidMinor: bigint;
  /** The table's percent of AGI, rounded half-up; only medical expenses above it count. */
  medicalFloorMinor: bigint;
  /** max(0, paid − floor). */
  medicalAllowedMinor: bigint;
  totalMinor: bigint;
}

export type DeductionKind = "STANDARD" | "ITEMIZED";

export interface DeductionChoice {
  standardMinor: bigint;
  itemized: ItemizedDeduction;
  /** The larger of the two; the standard deduction on a tie (nothing to document). */
  chosen: DeductionKind;
  amountMinor: bigint;
}

export interface ItemizedInput {
  adjustedGrossIncomeMinor: bigint;
  deductionsPaidMinor: bigint;
  stateAndLocalTaxPaidMinor: bigint;
  medicalPaidMinor: bigint;
  saltCap: SaltCap;
  medicalFloorPercent: string;
}

const atLeastZero = (minor: bigint) => (minor > 0n ? minor : 0n);
const smaller = (a: bigint, b: bigint) => (a < b ? a : b);

export function itemizedDeduction(input: ItemizedInput): ItemizedDeduction {
  const otherDeductionsMinor = atLeastZero(input.deductionsPaidMinor);
  const stateAndLocalTaxPaidMinor = atLeastZero(input.stateAndLocalTaxPaidMinor);
  const stateAndLocalTaxCapMinor = saltCapAt(input.saltCap, input.adjustedGrossIncomeMinor);
  const stateAndLocalTaxAllowedMinor = smaller(stateAndLocalTaxPaidMinor, stateAndLocalTaxCapMinor);
  const medicalPaidMinor = atLeastZero(input.medicalPaidMinor);
  const medicalFloorMinor = percentOf(atLeastZero(input.adjustedGrossIncomeMinor), input.medicalFloorPercent);
  const medicalAllowedMinor = atLeastZero(medicalPaidMinor - medicalFloorMinor);
  return {
    otherDeductionsMinor,
    stateAndLocalTaxPaidMinor,
    stateAndLocalTaxCapMinor,
    stateAndLocalTaxAllowedMinor,
    medicalPaidMinor,
    medicalFloorMinor,
    medicalAllowedMinor,
    totalMinor: otherDeductionsMinor + stateAndLocalTaxAllowedMinor + medicalAllowedMinor,
  };
}

export function chooseDeduction(standardMinor: bigint, itemized: ItemizedDeduction): DeductionChoice {
  const chosen: DeductionKind = itemized.totalMinor > standardMinor ? "ITEMIZED" : "STANDARD";
  return { standardMinor, itemized, chosen, amountMinor: chosen === "ITEMIZED" ? itemized.totalMinor : standardMinor };
}
