import { Arg, Ctx, Directive, ID, Int, Mutation, Query, Resolver } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { RecurringTransaction, RecurringTransactionInput, UpcomingBill } from "./recurring.type.js";
import type { ScheduleFields } from "./schedule.service.js";

const fieldsOf = (input: RecurringTransactionInput): ScheduleFields => ({ ...input, amount: input.amount.toMoney() });

@Resolver(() => RecurringTransaction)
export class RecurringResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @Directive(scopes("ledger:read"))
  @Query(() => [RecurringTransaction])
  async recurringTransactions(@Ctx() context: RequestContext): Promise<RecurringTransaction[]> {
    return (await this.deps.schedules.list(requireUserId(context))).map(RecurringTransaction.from);
  }

  @Directive(scopes("ledger:read"))
  @Query(() => [UpcomingBill], { description: "Bill occurrences from today through `days` ahead (UTC days), soonest first." })
  async upcomingBills(@Ctx() context: RequestContext, @Arg("days", () => Int, { defaultValue: 30 }) days: number): Promise<UpcomingBill[]> {
    const upcoming = await this.deps.schedules.upcomingBills(requireUserId(context), days);
    return upcoming.map((u) => ({ dueDate: u.dueDate, recurring: RecurringTransaction.from(u.schedule) }));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => RecurringTransaction)
  async createRecurringTransaction(
    @Ctx() context: RequestContext,
    @Arg("input", () => RecurringTransactionInput) input: RecurringTransactionInput,
  ): Promise<RecurringTransaction> {
    return RecurringTransaction.from(await this.deps.schedules.create(requireUserId(context), fieldsOf(input), context.traceId));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => RecurringTransaction)
  async updateRecurringTransaction(
    @Ctx() context: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => RecurringTransactionInput) input: RecurringTransactionInput,
  ): Promise<RecurringTransaction> {
    return RecurringTransaction.from(await this.deps.schedules.update(requireUserId(context), id, fieldsOf(input), context.traceId));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Boolean, { description: "Stops the schedule; transactions it already posted stay." })
  async deleteRecurringTransaction(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<boolean> {
    return this.deps.schedules.delete(requireUserId(context), id, context.traceId);
  }
}
