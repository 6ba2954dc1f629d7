import { Field, ID, InputType } from "type-graphql";

import { badInput } from "../../../platform/errors/index.js";
import { normalizeCurrency, parseAmount } from "../../../platform/money/index.js";
import type { RuleActions, RuleConditions, TextCondition } from "./engine/index.js";
import { TextConditionShape } from "./rule.type.js";

const textCondition = (c: TextConditionShape | null | undefined): TextCondition | null =>
  c ? { operator: c.operator, value: c.value, caseSensitive: c.caseSensitive ?? false } : null;

@InputType()
export class RuleConditionsInput {
  @Field(() => TextConditionShape, { nullable: true })
  payee?: TextConditionShape | null;

  @Field(() => TextConditionShape, { nullable: true })
  notes?: TextConditionShape | null;

  @Field(() => String, { nullable: true, description: "Signed decimal, inclusive." })
  amountMin?: string | null;

  @Field(() => String, { nullable: true })
  amountMax?: string | null;

  @Field(() => String, { nullable: true })
  currency?: string | null;

  @Field(() => [ID], { nullable: true })
  accountIds?: string[] | null;

  toConditions(): RuleConditions {
    const currency = this.currency ? normalizeCurrency(this.currency) : null;
    const minor = (value: string | null | undefined, field: string) => {
      if (value === null || value === undefined) return null;
      // The decimal's precision depends on the currency, so bounds cannot be read without one.
      if (!currency) throw badInput("an amount bound needs a currency", { field: "conditions.currency", bound: field });
      return parseAmount(value, currency).amountMinor;
    };
    return {
      payee: textCondition(this.payee),
      notes: textCondition(this.notes),
      amountMinMinor: minor(this.amountMin, "amountMin"),
      amountMaxMinor: minor(this.amountMax, "amountMax"),
      currency,
      accountIds: this.accountIds ?? null,
    };
  }
}

@InputType()
export class RuleActionsInput {
  @Field(() => ID, { nullable: true })
  setCategoryId?: string | null;

  @Field(() => String, { nullable: true })
  renamePayee?: string | null;

  @Field(() => [String], { nullable: true })
  addTags?: string[] | null;

  toActions(): RuleActions {
    return { setCategoryId: this.setCategoryId ?? null, renamePayee: this.renamePayee ?? null, addTags: this.addTags ?? null };
  }
}

@InputType()
export class RuleInput {
  @Field(() => String)
  name!: string;

  @Field(() => RuleConditionsInput)
  conditions!: RuleConditionsInput;

  @Field(() => RuleActionsInput)
  actions!: RuleActionsInput;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;

  @Field(() => String, { nullable: true, description: "createRule only: retrying with the same key returns the first result." })
  idempotencyKey?: string | null;
}
