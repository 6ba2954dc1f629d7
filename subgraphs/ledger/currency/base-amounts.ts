import type { EntityManager } from "typeorm";

import { allocate } from "../../../platform/money/index.js";
import type { TransactionSnapshotV1 } from "../../../schema/events/ledger.js";
import { convertAt } from "./conversion.js";
import { type ExchangeRateQueries, rateKey } from "./exchange-rate-query.service.js";

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
    const [settings] = await manager.query(`SELECT base_currency FROM ledger.user_settings WHERE user_id = $1`, [userId]);
    const base: string | undefined = settings?.base_currency;
    const foreign = base ? snapshots.filter((s) => s.currency !== base) : [];
    const keys = [
      ...new Map(foreign.map((s) => [rateKey(s.date, s.currency, base!), { date: s.date, from: s.currency, to: base! }])).values(),
    ];
    const rates = keys.length > 0 ? await this.rates.lookup(userId, keys, manager) : new Map();
    for (const snapshot of snapshots) {
      snapshot.baseCurrency = base ?? null;
      const rate = base && snapshot.currency !== base ? rates.get(rateKey(snapshot.date, snapshot.currency, base)) : undefined;
      const total = !base
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
