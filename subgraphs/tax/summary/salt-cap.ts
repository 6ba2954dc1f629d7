import type { SaltCap } from "../tables/tax-table.js";
import { percentOf } from "./percent.js";

/**
 * The most state and local tax that can be itemized at this AGI. Where the table has a phase-down
 * (US 2025 on), the cap shrinks by its percent of the AGI above the threshold, rounded half-up to
 * the minor unit, but never below the floor: max(floor, limit − percent × (AGI − over)). The law
 * measures a modified AGI; we take AGI itself, which is the same for anyone without foreign
 * earned income excluded from it.
 */
export function saltCapAt(cap: SaltCap, adjustedGrossIncomeMinor: bigint): bigint {
  if (cap.phaseDownOverMinor === null || cap.phaseDownPercent === null) return cap.limitMinor;
  const excess = adjustedGrossIncomeMinor - cap.phaseDownOverMinor;
  if (excess <= 0n) return cap.limitMinor;
  const reduced = cap.limitMinor - percentOf(excess, cap.phaseDownPercent);
  const floor = cap.floorMinor ?? 0n;
  return reduced > floor ? reduced : floor;
}
