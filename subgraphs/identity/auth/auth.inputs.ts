import { Field, InputType } from "type-graphql";

@InputType()
export class RegisterInput {
  @Field(() => String)
  email!: string;

  @Field(() => String, { description: "At least 12 characters, not a common password." })
  password!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO-4217 code ("EUR") of the currency net worth, budgets and reports are counted in; amounts in other currencies are converted at your exchange rates. Left out: USD. Change it later with updateFinancialPreferences.',
  })
  baseCurrency?: string | null;
}

@InputType()
export class LoginInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}
