import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

import type { SecurityEntity } from "./security.entity.js";

export enum SecurityKind {
  STOCK = "STOCK",
  ETF = "ETF",
  FUND = "FUND",
  BOND = "BOND",
  CRYPTO = "CRYPTO",
  CASH = "CASH",
  OTHER = "OTHER",
}
registerEnumType(SecurityKind, { name: "SecurityKind" });

@Directive('@key(fields: "id")')
@ObjectType("Security", {
  description: "Something a portfolio holds. Shared ones are known to the price feed; user-defined ones are seen by their owner alone.",
})
export class Security {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Upper case, e.g. AAPL, VWCE.DE, BTC-USD." })
  symbol!: string;

  @Field(() => String)
  name!: string;

  @Field(() => SecurityKind)
  kind!: SecurityKind;

  @Field(() => String, { description: "ISO-4217; its prices are in this currency." })
  currency!: string;

  @Field(() => String, { nullable: true })
  exchange!: string | null;

  @Field(() => Boolean, { description: "Defined by the caller (no feed prices it); false: shared." })
  userDefined!: boolean;

  static from(entity: SecurityEntity): Security {
    return Object.assign(new Security(), {
      id: entity.id,
      symbol: entity.symbol,
      name: entity.name,
      kind: entity.kind as SecurityKind,
      currency: entity.currency,
      exchange: entity.exchange,
      userDefined: entity.userId !== null,
    });
  }
}
