import type { EntityManager } from "typeorm";

import { allocate } from "../../../platform/money/index.js";
import type { TransactionSnapshotV1 } from "../../../schema/events/ledger.js";
import { convertAt } from "./conversion.js";
import { type ExchangeRateQueries, rateKey, type ToBase } from "./exchange-rate-query.service.js";

/**
 * Adds the user's base-currency amounts to transaction snapshots before they are published, so
 * consumers (budgets) never need the ledger's rates. The day's rate is used, as for
 * `amountInBaseCurrency`; without one the base amounts stay null. Split lines get the base total
 * allocated by largest remainder, so they always add up to it.
 */
export class BaseAmounts {
  constructor(private readonly rates: ExchangeRateQueries) {}

  async fill(manager: EntityManager, userId: string, snapshots: TransactionSnapshotV1[]): Promise<void> {
    if (snapshots.length === 0) return;
    // Base currency and the rates in one statement; days already in the base cost nothing.
    const days = [...new Map(snapshots.map((s) => [`${s.date}|${s.currency}`, { date: s.date, currency: s.currency }])).values()];
    this.fillWith(await this.rates.toBase(userId, days, manager), snapshots);
  }

  /** `fill` with the base currency and rates already read (a write's context read). */
  fillWith({ base, rates }: ToBase, snapshots: TransactionSnapshotV1[]): void {
    for (const snapshot of snapshots) {
      snapshot.baseCurrency = base;
      const rate = base && snapshot.currency !== base ? rates.get(rateKey(snapshot.date, snapshot.currency, base)) : undefined;
      const total =
        base === null
          ? null
          : snapshot.currency === base
            ? BigInt(snapshot.amountMinor)
            : rate
              ? convertAt({ amountMinor: BigInt(snapshot.amountMinor), currency: snapshot.currency }, base, rate).amountMinor
              : null;
      snapshot.baseAmountMinor = total === null ? null : total.toString();
      const lines = snapshot.splits.map((s) => BigInt(s.amountMinor));
      const parts =
        total === null || lines.length === 0
          ? null
          : allocate(
              { amountMinor: total, currency: base! },
              lines.map((l) => (l < 0n ? -l : l)),
            );
      snapshot.splits.forEach((split, i) => (split.baseAmountMinor = parts ? parts[i]!.amountMinor.toString() : null));
    }
  }
}
