import { Field, InputType, Int } from "type-graphql";

@InputType({ description: "Fields left out stay as they are." })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  displayName?: string;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. "Europe/Paris".' })
  timezone?: string;

  @Field(() => String, { nullable: true, description: 'BCP 47 locale, e.g. "fr-FR".' })
  locale?: string;
}

@InputType({ description: "Fields left out stay as they are; salaryDay: null clears it." })
export class UpdateFinancialPreferencesInput {
  @Field(() => String, { nullable: true })
  baseCurrency?: string;

  @Field(() => Int, { nullable: true })
  firstDayOfWeek?: number;

  @Field(() => Int, { nullable: true })
  monthStartDay?: number;

  @Field(() => Int, { nullable: true })
  salaryDay?: number | null;
}
