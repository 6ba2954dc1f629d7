import { Field, InputType } from "type-graphql";

@InputType()
export class FxRateInput {
  @Field(() => String, { description: "ISO-4217." })
  base!: string;

  @Field(() => String, { description: "ISO-4217, not the base." })
  quote!: string;

  @Field(() => String, { description: "YYYY-MM-DD, from 1900 on, not in the future." })
  date!: string;

  @Field(() => String, { description: 'Decimal: 1 base = rate quote, e.g. "1.0812"; up to 12 digits each side of the point.' })
  rate!: string;
}

@InputType()
export class SetFxRatesInput {
  @Field(() => [FxRateInput], { description: "At most 5,000; a pair appears once per day." })
  rates!: FxRateInput[];
}
