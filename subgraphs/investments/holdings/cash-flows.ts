import { multiplyToMinor } from "../quantities/index.js";
import type { ActivityRecord } from "../transactions/activity-record.js";

/**
 * What one activity does to the portfolio's cash and which of it is an external flow (money the
 * investor put in or took out), in the activity's currency's minor units.
 *
 * A portfolio holds cash once it records a DEPOSIT or WITHDRAWAL: then those are its only external
 * flows, and trades, income and fees move money inside it. Without cash, a BUY is money put in
 * (price × quantity + fee) and a SELL money taken out (net of its fee); dividends and interest
 * leave the portfolio (out, net of withholding) and a FEE is paid from outside (in).
 */
export interface CashEffect {
  /** Change to the cash balance (0 when the portfolio holds no cash). */
  cashMinor: bigint;
  /** External flows, each not negative. */
  inflowMinor: bigint;
  outflowMinor: bigint;
}

/** quantity × price, rounded once (0 for non-trades). */
export const grossOf = (a: ActivityRecord): bigint =>
  a.quantity !== null && a.priceMinor !== null ? multiplyToMinor(a.quantity, a.priceMinor) : 0n;

/** The activity's signed effect on the investor's money inside the portfolio. */
function netMoney(a: ActivityRecord): bigint {
  const amount = a.amountMinor ?? 0n;
  switch (a.type) {
    case "BUY":
      return -(grossOf(a) + a.feeMinor);
    case "SELL":
      return grossOf(a) - a.feeMinor;
    case "DIVIDEND":
    case "INTEREST":
    case "DEPOSIT":
      return amount - a.feeMinor;
    case "FEE":
    case "WITHDRAWAL":
      return -(amount + a.feeMinor);
    case "SPLIT":
      return -a.feeMinor;
  }
}

export function cashEffect(a: ActivityRecord, tracksCash: boolean): CashEffect {
  const net = netMoney(a);
  if (tracksCash) {
    const external = a.type === "DEPOSIT" ? a.amountMinor! : a.type === "WITHDRAWAL" ? a.amountMinor! : 0n;
    return { cashMinor: net, inflowMinor: a.type === "DEPOSIT" ? external : 0n, outflowMinor: a.type === "WITHDRAWAL" ? external : 0n };
  }
  // Money the portfolio paid is money put in from outside; money it received leaves it.
  return { cashMinor: 0n, inflowMinor: net < 0n ? -net : 0n, outflowMinor: net > 0n ? net : 0n };
}

export const tracksCash = (activities: readonly ActivityRecord[]): boolean =>
  activities.some((a) => a.type === "DEPOSIT" || a.type === "WITHDRAWAL");

/** Fees paid, wherever they sit (a trade's, a FEE's amount and its own fee, withholding on income). */
export const feesOf = (a: ActivityRecord): bigint => a.feeMinor + (a.type === "FEE" ? a.amountMinor! : 0n);
