import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";

import { givenFields, type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import type { GroupsDeps } from "../groups.deps.js";
import { Group } from "../groups/group.type.js";
import { GroupMember } from "../members/member.type.js";
import { memberIn, memberMap } from "../members/member-map.js";
import { AddGroupExpenseInput, UpdateGroupExpenseInput } from "./expense.inputs.js";
import type { ExpenseInput } from "./expense.service.js";
import { GroupExpense, GroupExpenseShare } from "./expense.type.js";

const split = (input: { mode: ExpenseInput["split"]["mode"]; parts: Array<{ memberId: string; value?: string | null }> }) => ({
  mode: input.mode,
  parts: input.parts.map((p) => ({ memberId: p.memberId, value: p.value ?? null })),
});

@Resolver(() => GroupExpense)
export class GroupExpenseResolver {
  constructor(private readonly deps: GroupsDeps) {}

  @Directive(scopes("groups:read"))
  @Query(() => GroupExpense, {
    nullable: true,
    description: "An expense of one of the caller's groups (deleted ones too); null otherwise.",
  })
  async groupExpense(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<GroupExpense | null> {
    requireUserId(context);
    const expense = await context.loaders.get(this.deps.loaders.expense).load(id);
    return expense ? GroupExpense.from(expense) : null;
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupExpense, {
    description:
      "Shares always add up to the amount exactly (largest remainder in minor units, ties to the earlier member). Several payers allowed.",
  })
  async addGroupExpense(
    @Ctx() context: RequestContext,
    @Arg("input", () => AddGroupExpenseInput) input: AddGroupExpenseInput,
  ): Promise<GroupExpense> {
    const { expense } = await this.deps.expenses.add(
      requireUserId(context),
      {
        groupId: input.groupId,
        description: input.description,
        amount: input.amount.toMoney(),
        date: input.date,
        paidBy: input.paidBy.map((p) => ({ memberId: p.memberId, amount: p.amount })),
        split: split(input.split),
        exchangeRate: input.exchangeRate ?? null,
        ledgerAccountId: input.ledgerAccountId ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
      },
      context.traceId,
    );
    return GroupExpense.from(expense);
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupExpense)
  async updateGroupExpense(
    @Ctx() context: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateGroupExpenseInput) input: UpdateGroupExpenseInput,
  ): Promise<GroupExpense> {
    const given = givenFields(input);
    const { expense } = await this.deps.expenses.update(
      requireUserId(context),
      id,
      {
        ...(given.description !== undefined && { description: given.description }),
        ...(given.amount && { amount: given.amount.toMoney() }),
        ...(given.date !== undefined && { date: given.date }),
        ...(given.paidBy && { paidBy: given.paidBy.map((p) => ({ memberId: p.memberId, amount: p.amount })) }),
        ...(given.split && { split: split(given.split) }),
        ...(given.exchangeRate !== undefined && { exchangeRate: given.exchangeRate }),
        ...(given.ledgerAccountId !== undefined && { ledgerAccountId: given.ledgerAccountId }),
      },
      context.traceId,
    );
    return GroupExpense.from(expense);
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupExpense, {
    description: "Soft delete: it stops counting in balances and stays in history. Deleting twice changes nothing.",
  })
  async deleteGroupExpense(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<GroupExpense> {
    return GroupExpense.from((await this.deps.expenses.delete(requireUserId(context), id, context.traceId)).expense);
  }

  @FieldResolver(() => MoneyType, { description: "In the group's currency (the same as amount when the currencies match)." })
  async groupAmount(@Root() expense: GroupExpense, @Ctx() context: RequestContext): Promise<MoneyType> {
    const group = await context.loaders.get(this.deps.loaders.group).load(expense.groupId);
    return MoneyType.from({ amountMinor: expense.groupAmountMinor, currency: group?.currency ?? expense.amount.currency });
  }

  @FieldResolver(() => [GroupExpenseShare], { description: "Who paid, and how much." })
  async paidBy(@Root() expense: GroupExpense, @Ctx() context: RequestContext): Promise<GroupExpenseShare[]> {
    return this.lines(expense, context, "paid");
  }

  @FieldResolver(() => [GroupExpenseShare], { description: "Who owes what; adds up to the amount exactly, in both currencies." })
  async shares(@Root() expense: GroupExpense, @Ctx() context: RequestContext): Promise<GroupExpenseShare[]> {
    return this.lines(expense, context, "share");
  }

  @FieldResolver(() => GroupMember, { description: "Who recorded it." })
  async createdBy(@Root() expense: GroupExpense, @Ctx() context: RequestContext): Promise<GroupMember> {
    return memberIn(await memberMap(context, this.deps.loaders, expense.groupId), expense.createdById);
  }

  @FieldResolver(() => Group, { nullable: true })
  async group(@Root() expense: GroupExpense, @Ctx() context: RequestContext): Promise<Group | null> {
    const group = await context.loaders.get(this.deps.loaders.group).load(expense.groupId);
    return group ? Group.from(group) : null;
  }

  private async lines(expense: GroupExpense, context: RequestContext, column: "paid" | "share"): Promise<GroupExpenseShare[]> {
    const [lines, members, group] = await Promise.all([
      context.loaders.get(this.deps.loaders.expenseLines).load(expense.id),
      memberMap(context, this.deps.loaders, expense.groupId),
      context.loaders.get(this.deps.loaders.group).load(expense.groupId),
    ]);
    const groupCurrency = group?.currency ?? expense.amount.currency;
    return lines
      .filter((l) => (column === "paid" ? l.paidMinor : l.shareMinor) > 0n)
      .map((l) =>
        Object.assign(new GroupExpenseShare(), {
          member: memberIn(members, l.memberId),
          amount: MoneyType.from({ amountMinor: column === "paid" ? l.paidMinor : l.shareMinor, currency: expense.amount.currency }),
          groupAmount: MoneyType.from({ amountMinor: column === "paid" ? l.groupPaidMinor : l.groupShareMinor, currency: groupCurrency }),
        }),
      );
  }
}
