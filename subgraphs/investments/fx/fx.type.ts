import { Field, ObjectType } from "type-graphql";

import type { StoredFxRate } from "./fx.service.js";
import type { FxRateOn } from "./fx-rate.js";

@ObjectType("FxRate", { description: "1 `base` = `rate` `quote` on `date`." })
export class FxRate {
  @Field(() => String)
  base!: string;

  @Field(() => String)
  quote!: string;

  @Field(() => String, { description: "YYYY-MM-DD: the day the rate is for (on or before the day asked)." })
  date!: string;

  @Field(() => String, { description: 'Decimal string, e.g. "1.0812"; never a float.' })
  rate!: string;

  @Field(() => Boolean, { description: "Only the quote→base rate is known: this is its inverse (15 significant digits)." })
  inverse!: boolean;

  static from(rate: FxRateOn | StoredFxRate): FxRate {
    return Object.assign(new FxRate(), {
      base: rate.base,
      quote: rate.quote,
      date: rate.date,
      rate: rate.rate,
      inverse: "inverse" in rate ? rate.inverse : false,
    });
  }
}
