import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { TransactionFilter } from "../transactions/transaction.inputs.js";
import { RuleInput } from "./rule.inputs.js";
import { ApplyRulesResult, Rule } from "./rule.type.js";

const fieldsOf = (input: RuleInput) => ({
  name: input.name,
  conditions: input.conditions.toConditions(),
  actions: input.actions.toActions(),
  enabled: input.enabled ?? undefined,
});

@Resolver(() => Rule)
export class RuleResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @Directive(scopes("ledger:read"))
  @Query(() => [Rule], { description: "The caller's rules in the order they run." })
  async rules(@Ctx() context: RequestContext): Promise<Rule[]> {
    return (await this.deps.rules.list(requireUserId(context))).map(Rule.from);
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Rule, { description: "Added last in the order." })
  async createRule(@Ctx() context: RequestContext, @Arg("input", () => RuleInput) input: RuleInput): Promise<Rule> {
    return Rule.from(await this.deps.rules.create(requireUserId(context), fieldsOf(input), input.idempotencyKey));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Rule)
  async updateRule(
    @Ctx() context: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => RuleInput) input: RuleInput,
  ): Promise<Rule> {
    return Rule.from(await this.deps.rules.update(requireUserId(context), id, fieldsOf(input)));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Boolean)
  async deleteRule(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<boolean> {
    return this.deps.rules.delete(requireUserId(context), id);
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => [Rule], { description: "Every rule id once, in the new order." })
  async reorderRules(@Ctx() context: RequestContext, @Arg("ids", () => [ID]) ids: string[]): Promise<Rule[]> {
    return (await this.deps.rules.reorder(requireUserId(context), ids)).map(Rule.from);
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => ApplyRulesResult, { description: "Runs the rules over existing transactions matching the filter." })
  async applyRules(
    @Ctx() context: RequestContext,
    @Arg("filter", () => TransactionFilter, { nullable: true }) filter: TransactionFilter | null,
  ): Promise<ApplyRulesResult> {
    const userId = requireUserId(context);
    return this.deps.rules.applyToExisting(userId, await this.deps.queries.prepare(userId, filter), context.traceId);
  }
}
