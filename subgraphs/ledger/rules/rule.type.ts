import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

import { formatAmount } from "../../../platform/money/index.js";
import type { RuleEntity } from "./rule.entity.js";
import type { RuleApplicationEntity } from "./rule-application.entity.js";

export enum TextOperator {
  CONTAINS = "CONTAINS",
  EQUALS = "EQUALS",
  REGEX = "REGEX",
}
registerEnumType(TextOperator, {
  name: "TextOperator",
  description: "REGEX is RE2 syntax (linear time: no backreferences or lookaround).",
});

@ObjectType("TextCondition")
@InputType("TextConditionInput")
export class TextConditionShape {
  @Field(() => TextOperator)
  operator!: TextOperator;

  @Field(() => String)
  value!: string;

  @Field(() => Boolean, { nullable: true, description: "Default false." })
  caseSensitive?: boolean | null;
}

@ObjectType("RuleConditions", { description: "All given conditions must hold." })
export class RuleConditionsType {
  @Field(() => TextConditionShape, { nullable: true })
  payee!: TextConditionShape | null;

  @Field(() => TextConditionShape, { nullable: true })
  notes!: TextConditionShape | null;

  @Field(() => String, { nullable: true, description: "Signed decimal, inclusive (expenses are negative)." })
  amountMin!: string | null;

  @Field(() => String, { nullable: true })
  amountMax!: string | null;

  @Field(() => String, { nullable: true, description: "Only transactions in this currency; required with an amount bound." })
  currency!: string | null;

  @Field(() => [ID], { nullable: true })
  accountIds!: string[] | null;
}

@ObjectType("RuleActions")
export class RuleActionsType {
  @Field(() => ID, { nullable: true })
  setCategoryId!: string | null;

  @Field(() => String, { nullable: true })
  renamePayee!: string | null;

  @Field(() => [String], { nullable: true })
  addTags!: string[] | null;
}

@ObjectType("Rule", {
  description: "Applied, in position order, to new and imported transactions; later rules see earlier rules' changes.",
})
export class Rule {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  position!: number;

  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => RuleConditionsType)
  conditions!: RuleConditionsType;

  @Field(() => RuleActionsType)
  actions!: RuleActionsType;

  static from(entity: RuleEntity): Rule {
    const c = entity.conditions;
    const amount = (minor: string | null | undefined) =>
      minor && c.currency ? formatAmount({ amountMinor: BigInt(minor), currency: c.currency }) : null;
    return Object.assign(new Rule(), {
      id: entity.id,
      name: entity.name,
      position: entity.position,
      enabled: entity.enabled,
      conditions: {
        payee: c.payee ?? null,
        notes: c.notes ?? null,
        amountMin: amount(c.amountMinMinor),
        amountMax: amount(c.amountMaxMinor),
        currency: c.currency ?? null,
        accountIds: c.accountIds ?? null,
      },
      actions: {
        setCategoryId: entity.actions.setCategoryId ?? null,
        renamePayee: entity.actions.renamePayee ?? null,
        addTags: entity.actions.addTags ?? null,
      },
    });
  }
}

export enum RuleApplicationStatus {
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  COMPLETED = "COMPLETED",
  FAILED = "FAILED",
}
registerEnumType(RuleApplicationStatus, {
  name: "RuleApplicationStatus",
  description:
    "QUEUED (accepted, waiting for its job) → RUNNING → COMPLETED, or FAILED (the pages changed before the failure stay changed).",
});

@ObjectType("RuleApplication", { description: "One `applyRules` run over existing transactions, and how far it got." })
export class RuleApplication {
  @Field(() => ID)
  id!: string;

  @Field(() => RuleApplicationStatus)
  status!: RuleApplicationStatus;

  @Field(() => Int, { description: "Income and expenses the rules ran over so far (locked ones are skipped)." })
  examined!: number;

  @Field(() => Int, { description: "Transactions the rules changed so far." })
  changed!: number;

  @Field(() => String, { nullable: true, description: "Why it FAILED." })
  error!: string | null;

  @Field(() => String)
  createdAt!: string;

  @Field(() => String, { nullable: true, description: "When the background job started it; null while QUEUED." })
  startedAt!: string | null;

  @Field(() => String, { nullable: true, description: "When it COMPLETED or FAILED." })
  finishedAt!: string | null;

  static from(a: RuleApplicationEntity): RuleApplication {
    return Object.assign(new RuleApplication(), {
      id: a.id,
      status: a.status as RuleApplicationStatus,
      examined: a.examined,
      changed: a.changed,
      error: a.error,
      createdAt: a.createdAt.toISOString(),
      startedAt: a.startedAt?.toISOString() ?? null,
      finishedAt: a.finishedAt?.toISOString() ?? null,
    });
  }
}
