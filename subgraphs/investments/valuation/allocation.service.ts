import { Decimal } from "decimal.js";
import type { DataSource } from "typeorm";

import type { FxService } from "../fx/fx.service.js";
import { convertAtRate } from "../fx/fx-rate.js";
import type { PortfolioBook } from "../holdings/portfolio-book.js";
import { percent } from "../performance/index.js";
import type { PriceService } from "../prices/price.service.js";
import { multiplyToMinor } from "../quantities/index.js";
import type { SecurityService } from "../securities/security.service.js";
import { exchangeRateMissing, priceMissing } from "./valuation.errors.js";

export type AllocationDimension = "SECURITY" | "KIND" | "CURRENCY";

export interface AllocationSlice {
  /** The security id, the kind, or the currency; "CASH" for cash by security. */
  key: string;
  /** The symbol, the kind, the currency, or "Cash". */
  label: string;
  valueMinor: bigint;
  /** Percent of the total, 2 decimals; null when the total is zero. */
  percent: string | null;
}

/**
 * The portfolio's value today (its positions and cash after all activity, none of which is later
 * than today) split by security, kind or currency, in the portfolio's currency: each holding (and
 * each currency's cash) converted once at the day's rate. Largest first.
 */
export class AllocationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly prices: PriceService,
    private readonly fx: FxService,
    private readonly securities: SecurityService,
  ) {}

  async allocation(userId: string, book: PortfolioBook, by: AllocationDimension, date: string): Promise<AllocationSlice[]> {
    const target = book.portfolio.currency;
    const held = [...book.positions.values()].filter((p) => !p.state.quantity.isZero());
    const ids = held.map((p) => p.securityId);
    const [prices, securities] = await Promise.all([
      this.prices.priceOn(this.dataSource.manager, userId, ids, date),
      this.securities.findForUser(userId, ids),
    ]);
    const info = new Map(securities.map((s) => [s.id, s]));
    const rates = new Map<string, Awaited<ReturnType<FxService["fxOn"]>>>();
    const inTarget = async (minor: bigint, currency: string): Promise<bigint> => {
      if (currency === target || minor === 0n) return minor;
      if (!rates.has(currency)) rates.set(currency, await this.fx.fxOn(userId, currency, target, date));
      const rate = rates.get(currency);
      if (!rate) throw exchangeRateMissing(date, currency, target);
      return convertAtRate({ amountMinor: minor, currency }, rate).amountMinor;
    };
    const slices = new Map<string, AllocationSlice>();
    const add = (key: string, label: string, valueMinor: bigint) => {
      const slice = slices.get(key) ?? { key, label, valueMinor: 0n, percent: null };
      slice.valueMinor += valueMinor;
      slices.set(key, slice);
    };
    for (const position of held) {
      const price = prices.get(position.securityId);
      const security = info.get(position.securityId);
      if (!price) throw priceMissing(date, position.securityId, security?.symbol ?? position.securityId);
      const value = await inTarget(multiplyToMinor(position.state.quantity, price.closeMinor), position.currency);
      if (by === "SECURITY") add(position.securityId, security?.symbol ?? position.securityId, value);
      else if (by === "KIND") add(security?.kind ?? "OTHER", security?.kind ?? "OTHER", value);
      else add(position.currency, position.currency, value);
    }
    for (const [currency, minor] of book.cash) {
      if (minor === 0n) continue;
      const value = await inTarget(minor, currency);
      if (by === "CURRENCY") add(currency, currency, value);
      else add("CASH", by === "KIND" ? "CASH" : "Cash", value);
    }
    const list = [...slices.values()].sort((a, b) =>
      b.valueMinor > a.valueMinor ? 1 : b.valueMinor < a.valueMinor ? -1 : a.label < b.label ? -1 : 1,
    );
    const total = list.reduce((s, slice) => s + slice.valueMinor, 0n);
    for (const slice of list) slice.percent = total === 0n ? null : percent(new Decimal(slice.valueMinor.toString()).div(total.toString()));
    return list;
  }
}
