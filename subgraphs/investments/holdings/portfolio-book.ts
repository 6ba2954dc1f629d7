import { type PositionState, replayPosition } from "../lots/index.js";
import type { PortfolioEntity } from "../portfolios/portfolio.entity.js";
import type { ActivityRecord } from "../transactions/activity-record.js";
import { cashEffect, tracksCash } from "./cash-flows.js";

/** One security's replayed position in a portfolio. */
export interface Position {
  securityId: string;
  /** The security's currency: its activity's money, cost basis and gains are in it. */
  currency: string;
  state: PositionState;
  /** The position's activity in replay order. */
  activities: ActivityRecord[];
  /** Its activities' fingerprints: the same activity replays to the same state. */
  fingerprint: string;
}

/**
 * A portfolio replayed from its whole activity: built once per request (a loader caches it) and
 * shared by holdings, values, performance and allocation.
 */
export interface PortfolioBook {
  portfolio: PortfolioEntity;
  /** Replay order: (date, sequence). */
  activities: ActivityRecord[];
  positions: Map<string, Position>;
  /** Whether DEPOSIT/WITHDRAWAL are recorded (see cash-flows.ts). */
  tracksCash: boolean;
  /** Cash per currency after all activity (empty unless tracksCash). */
  cash: Map<string, bigint>;
}

/**
 * Replays every security of `activities`. A position of `previous` (an older replay of the same
 * portfolio) whose activity is unchanged is taken as it is: after one write, one security replays.
 */
export function buildBook(portfolio: PortfolioEntity, activities: readonly ActivityRecord[], previous?: PortfolioBook): PortfolioBook {
  const bySecurity = new Map<string, ActivityRecord[]>();
  for (const activity of activities) {
    if (activity.securityId === null) continue;
    let list = bySecurity.get(activity.securityId);
    if (!list) bySecurity.set(activity.securityId, (list = []));
    list.push(activity);
  }
  const positions = new Map<string, Position>();
  const reusable = previous?.portfolio.costBasisMethod === portfolio.costBasisMethod ? previous.positions : undefined;
  for (const [securityId, list] of bySecurity) {
    const fingerprint = list.every((a) => a.fingerprint !== undefined) ? list.map((a) => a.fingerprint).join("\n") : "";
    const earlier = reusable?.get(securityId);
    positions.set(
      securityId,
      earlier && fingerprint !== "" && earlier.fingerprint === fingerprint
        ? earlier
        : {
            securityId,
            currency: list[0]!.currency,
            state: replayPosition(list, portfolio.costBasisMethod),
            activities: list,
            fingerprint,
          },
    );
  }
  const holdsCash = tracksCash(activities);
  const cash = new Map<string, bigint>();
  if (holdsCash)
    for (const activity of activities)
      cash.set(activity.currency, (cash.get(activity.currency) ?? 0n) + cashEffect(activity, true).cashMinor);
  return { portfolio, activities: [...activities], positions, tracksCash: holdsCash, cash };
}
