import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver, Subscription } from "type-graphql";

import { liveDirective, type RequestContext, requireUserId, scopes, servedByGateway } from "../../../platform/graphql/index.js";
import { LEDGER_RULES_TOPIC, RULE_APPLICATION_UPDATED } from "../../../schema/events/ledger.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { TransactionFilter } from "../transactions/transaction.inputs.js";
import { RuleInput } from "./rule.inputs.js";
import { Rule, RuleApplication } from "./rule.type.js";

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
  @Mutation(() => RuleApplication, {
    description:
      "Runs the rules over existing income and expenses matching the filter; answers at once with the application QUEUED and runs it in " +
      "the background (locked transactions are left alone; a rule's category never replaces a split). Follow it with `ruleApplication(id)` or the " +
      "`ruleApplicationUpdated(id)` subscription.",
  })
  async applyRules(
    @Ctx() context: RequestContext,
    @Arg("filter", () => TransactionFilter, { nullable: true }) filter: TransactionFilter | null,
  ): Promise<RuleApplication> {
    return RuleApplication.from(await this.deps.ruleApplications.start(requireUserId(context), filter, context.traceId));
  }

  @Directive(scopes("ledger:read"))
  @Query(() => RuleApplication, { nullable: true })
  async ruleApplication(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<RuleApplication | null> {
    const application = await this.deps.ruleApplications.find(requireUserId(context), id);
    return application ? RuleApplication.from(application) : null;
  }

  @Directive(
    liveDirective({
      topic: LEDGER_RULES_TOPIC,
      events: [RULE_APPLICATION_UPDATED],
      lookup: "ruleApplication",
      id: "applicationId",
      match: { id: "applicationId" },
      audience: "owner",
    }),
  )
  @Directive(scopes("ledger:read"))
  @Subscription(() => RuleApplication, {
    description: "The rule application whenever its status or counts change (when it starts, after each page, when it ends).",
    subscribe: servedByGateway,
  })
  ruleApplicationUpdated(@Arg("id", () => ID) _id: string): RuleApplication {
    return servedByGateway();
  }
}
