import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

import { MoneyType } from "../../../platform/money/index.js";
import { formatQuantity } from "../quantities/index.js";
import type { HoldingFigures } from "./holding-figures.js";

export enum HoldingTerm {
  SHORT = "SHORT",
  LONG = "LONG",
}
registerEnumType(HoldingTerm, {
  name: "HoldingTerm",
  description: "LONG when the lot was held more than one year (sold after the first anniversary of its purchase).",
});

const money = (amountMinor: bigint, currency: string) => MoneyType.from({ amountMinor, currency });

@ObjectType("HoldingLot", { description: "An open lot: what is left of one BUY." })
export class HoldingLot {
  @Field(() => ID, { description: "The BUY that opened it." })
  openedBy!: string;

  @Field(() => String, { description: "YYYY-MM-DD." })
  acquiredOn!: string;

  @Field(() => String, { description: "Decimal string." })
  quantity!: string;

  @Field(() => MoneyType, {
    description: "What is left of the lot's cost, its share of the buying fee included. Under AVERAGE_COST, its share of the pooled cost.",
  })
  cost!: MoneyType;
}

@ObjectType("RealizedLot", { description: "The part of one lot that one SELL closed, for tax." })
export class RealizedLot {
  @Field(() => ID, { description: "The SELL." })
  soldBy!: string;

  @Field(() => ID, { description: "The BUY that opened the lot." })
  openedBy!: string;

  @Field(() => String)
  acquiredOn!: string;

  @Field(() => String)
  soldOn!: string;

  @Field(() => String, { description: "Decimal string." })
  quantity!: string;

  @Field(() => MoneyType)
  cost!: MoneyType;

  @Field(() => MoneyType, { description: "This part's share of the sale's proceeds, after the sale's fee." })
  proceeds!: MoneyType;

  @Field(() => MoneyType)
  gain!: MoneyType;

  @Field(() => HoldingTerm)
  term!: HoldingTerm;
}

@Directive('@key(fields: "id")')
@ObjectType("Holding", {
  description:
    "A portfolio's position in one security, replayed from its activity. Money is in the security's currency. A closed position (nothing held) keeps its realized gain and income.",
})
export class Holding {
  @Field(() => ID, { description: "portfolioId:securityId." })
  id!: string;

  portfolioId!: string;
  securityId!: string;

  @Field(() => String, { description: "Decimal string, up to 18 decimals." })
  quantity!: string;

  @Field(() => MoneyType, { description: "The open lots' cost, buying fees included." })
  costBasis!: MoneyType;

  @Field(() => MoneyType, {
    nullable: true,
    description: "Cost basis per unit, rounded half-up to the minor unit; null when nothing is held.",
  })
  averageCost!: MoneyType | null;

  @Field(() => MoneyType, { nullable: true, description: "The latest close on or before today; null when there is none (never guessed)." })
  price!: MoneyType | null;

  @Field(() => String, { nullable: true, description: "The day `price` is from: how old the valuation is." })
  priceDate!: string | null;

  @Field(() => MoneyType, { nullable: true, description: "quantity × price, rounded once; null without a price." })
  marketValue!: MoneyType | null;

  @Field(() => MoneyType, { nullable: true, description: "marketValue − costBasis; null without a price." })
  unrealizedGain!: MoneyType | null;

  @Field(() => MoneyType, { description: "Σ (proceeds after fees − cost) of every lot sold." })
  realizedGain!: MoneyType;

  @Field(() => MoneyType, { description: "Dividends received, kept apart from cost and gains." })
  dividends!: MoneyType;

  @Field(() => MoneyType, { description: "Interest received (bond coupons, say)." })
  interest!: MoneyType;

  @Field(() => MoneyType, { description: "Every fee paid on the position, trades' included (those are also inside cost and proceeds)." })
  fees!: MoneyType;

  @Field(() => [HoldingLot], { description: "Open lots, oldest first." })
  lots!: HoldingLot[];

  @Field(() => [RealizedLot], { description: "Every lot part sold, in the order sold." })
  realizedLots!: RealizedLot[];

  static from(portfolioId: string, f: HoldingFigures): Holding {
    const c = f.currency;
    const maybe = (minor: bigint | null) => (minor === null ? null : money(minor, c));
    return Object.assign(new Holding(), {
      id: `${portfolioId}:${f.securityId}`,
      portfolioId,
      securityId: f.securityId,
      quantity: formatQuantity(f.quantity),
      costBasis: money(f.costBasisMinor, c),
      averageCost: maybe(f.averageCostMinor),
      price: f.price ? money(f.price.closeMinor, c) : null,
      priceDate: f.price?.priceDate ?? null,
      marketValue: maybe(f.marketValueMinor),
      unrealizedGain: maybe(f.unrealizedGainMinor),
      realizedGain: money(f.realizedGainMinor, c),
      dividends: money(f.dividendsMinor, c),
      interest: money(f.interestMinor, c),
      fees: money(f.feesMinor, c),
      lots: f.lots.map((lot) =>
        Object.assign(new HoldingLot(), {
          openedBy: lot.openedBy,
          acquiredOn: lot.acquiredOn,
          quantity: formatQuantity(lot.quantity),
          cost: money(lot.costMinor, c),
        }),
      ),
      realizedLots: f.realized.map((lot) =>
        Object.assign(new RealizedLot(), {
          soldBy: lot.activityId,
          openedBy: lot.openedBy,
          acquiredOn: lot.acquiredOn,
          soldOn: lot.soldOn,
          quantity: formatQuantity(lot.quantity),
          cost: money(lot.costMinor, c),
          proceeds: money(lot.proceedsMinor, c),
          gain: money(lot.gainMinor, c),
          term: lot.term as HoldingTerm,
        }),
      ),
    });
  }
}
