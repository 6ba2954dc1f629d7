import type { ChildTaxCredit } from "../tables/tax-table.js";
import { stepsIn } from "./percent.js";

/**
 * The child tax credit as far as it reduces the tax. Only its non-refundable part is computed:
 * the refundable additional child tax credit (Schedule 8812 part II, which depends on earned
 * income and can pay out more than the tax) is not, so for a family whose credit exceeds its tax
 * the estimate errs towards paying more, never towards an unearned refund.
 */
export interface ChildTaxCreditFigures {
  children: number;
  /** children × the credit per child. */
  beforePhaseOutMinor: bigint;
  /** The reduction per step (or part of a step) of AGI above the threshold. */
  phaseOutMinor: bigint;
  /** max(0, before − phase-out). */
  afterPhaseOutMinor: bigint;
  /** What reduces the tax: no more than the tax itself. */
  allowedMinor: bigint;
}

export function childTaxCredit(
  credit: ChildTaxCredit,
  children: number,
  adjustedGrossIncomeMinor: bigint,
  taxMinor: bigint,
): ChildTaxCreditFigures {
  const beforePhaseOutMinor = credit.perChildMinor * BigInt(children);
  const excess = adjustedGrossIncomeMinor - credit.phaseOutOverMinor;
  const phaseOutMinor = excess > 0n ? stepsIn(excess, credit.stepMinor) * credit.reductionMinor : 0n;
  const afterPhaseOutMinor = beforePhaseOutMinor > phaseOutMinor ? beforePhaseOutMinor - phaseOutMinor : 0n;
  const tax = taxMinor > 0n ? taxMinor : 0n;
  return {
    children,
    beforePhaseOutMinor,
    phaseOutMinor,
    afterPhaseOutMinor,
    allowedMinor: afterPhaseOutMinor < tax ? afterPhaseOutMinor : tax,
  };
}
