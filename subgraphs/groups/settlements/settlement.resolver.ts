import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { GroupsDeps } from "../groups.deps.js";
import { GroupMember } from "../members/member.type.js";
import { memberIn, memberMap } from "../members/member-map.js";
import { RecordSettlementInput } from "./settlement.inputs.js";
import { GroupSettlement } from "./settlement.type.js";

@Resolver(() => GroupSettlement)
export class GroupSettlementResolver {
  constructor(private readonly deps: GroupsDeps) {}

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupSettlement, {
    description:
      "Books a repayment between two members of the group. Recording a settlement plan's transfers brings every balance to zero.",
  })
  async recordSettlement(
    @Ctx() context: RequestContext,
    @Arg("input", () => RecordSettlementInput) input: RecordSettlementInput,
  ): Promise<GroupSettlement> {
    const { settlement, currency } = await this.deps.settlements.record(
      requireUserId(context),
      {
        groupId: input.groupId,
        fromMemberId: input.fromMemberId,
        toMemberId: input.toMemberId,
        amount: input.amount.toMoney(),
        date: input.date,
        note: input.note ?? null,
        ledgerAccountId: input.ledgerAccountId ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
      },
      context.traceId,
    );
    return GroupSettlement.from(settlement, currency);
  }

  @FieldResolver(() => GroupMember)
  async from(@Root() settlement: GroupSettlement, @Ctx() context: RequestContext): Promise<GroupMember> {
    return memberIn(await memberMap(context, this.deps.loaders, settlement.groupId), settlement.fromMemberId);
  }

  @FieldResolver(() => GroupMember)
  async to(@Root() settlement: GroupSettlement, @Ctx() context: RequestContext): Promise<GroupMember> {
    return memberIn(await memberMap(context, this.deps.loaders, settlement.groupId), settlement.toMemberId);
  }
}
