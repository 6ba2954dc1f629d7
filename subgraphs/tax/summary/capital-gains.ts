/**
 * The year's realized gains netted as on Schedule D: short and long term each net of their own
 * losses (the sums we are given already are), then against each other.
 */
export interface CapitalGainsNetting {
  /** Net short-term gain (negative: a loss). */
  shortTermNetMinor: bigint;
  /** Net long-term gain (negative: a loss). */
  longTermNetMinor: bigint;
  /** Short plus long: the overall net gain or loss. */
  netMinor: bigint;
  /**
   * What enters gross income: the whole net gain, or minus the deductible part of a net loss.
   */
  includedInIncomeMinor: bigint;
  /**
   * The net capital gain taxed at the long-term rates: the net long-term gain, but no more than
   * the overall net gain (a short-term loss uses it up first). 0 when either is not positive.
   */
  preferentialGainMinor: bigint;
  /** The filing status's yearly limit on a net loss deducted from other income. */
  lossLimitMinor: bigint;
  /** The part of a net loss deducted this year: min(loss, limit). */
  deductibleLossMinor: bigint;
  /** The rest of a net loss, carried to next year by the taxpayer (reported here, not carried by us). */
  carryoverLossMinor: bigint;
}

export function netCapitalGains(shortTermGainMinor: bigint, longTermGainMinor: bigint, lossLimitMinor: bigint): CapitalGainsNetting {
  const netMinor = shortTermGainMinor + longTermGainMinor;
  const loss = netMinor < 0n ? -netMinor : 0n;
  const deductibleLossMinor = loss < lossLimitMinor ? loss : lossLimitMinor;
  const preferential = longTermGainMinor < netMinor ? longTermGainMinor : netMinor;
  return {
    shortTermNetMinor: shortTermGainMinor,
    longTermNetMinor: longTermGainMinor,
    netMinor,
    includedInIncomeMinor: netMinor > 0n ? netMinor : -deductibleLossMinor,
    preferentialGainMinor: preferential > 0n ? preferential : 0n,
    lossLimitMinor,
    deductibleLossMinor,
    carryoverLossMinor: loss - deductibleLossMinor,
  };
}
