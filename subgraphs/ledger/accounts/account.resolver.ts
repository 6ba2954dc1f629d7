import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { calendarDate } from "../transactions/calendar-date.js";
import { CreateAccountInput } from "./account.inputs.js";
import { Account } from "./account.type.js";

@Resolver(() => Account)
export class AccountResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @Directive(scopes("ledger:read"))
  @Query(() => [Account], { description: "The caller's accounts, oldest first." })
  async accounts(
    @Ctx() context: RequestContext,
    @Arg("includeArchived", () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ): Promise<Account[]> {
    return (await this.deps.accounts.list(requireUserId(context), includeArchived)).map(Account.from);
  }

  @Directive(scopes("ledger:read"))
  @Query(() => Account, { nullable: true, description: "One of the caller's accounts; null if unknown or not theirs." })
  async account(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Account | null> {
    requireUserId(context);
    const entity = await context.loaders.get(this.deps.loaders.account).load(id);
    return entity ? Account.from(entity) : null;
  }

  @FieldResolver(() => MoneyType, { description: "Opening balance plus every posting that is not deleted." })
  async balance(@Root() account: Account, @Ctx() context: RequestContext): Promise<MoneyType> {
    const minor = await context.loaders.get(this.deps.loaders.balance).load(account.id);
    return MoneyType.from({ amountMinor: minor ?? 0n, currency: account.currency });
  }

  @FieldResolver(() => MoneyType, { description: "The balance at the end of a day (YYYY-MM-DD)." })
  async balanceAt(@Root() account: Account, @Ctx() context: RequestContext, @Arg("date", () => String) date: string): Promise<MoneyType> {
    const minor = await context.loaders.get(this.deps.loaders.balance).load(`${account.id}|${calendarDate(date)}`);
    return MoneyType.from({ amountMinor: minor ?? 0n, currency: account.currency });
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Account)
  async createAccount(@Ctx() context: RequestContext, @Arg("input", () => CreateAccountInput) input: CreateAccountInput): Promise<Account> {
    const userId = requireUserId(context);
    const { openingBalance, ...rest } = input;
    return Account.from(await this.deps.accounts.create(userId, { ...rest, openingBalance: openingBalance.toMoney() }, context.traceId));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Account)
  async renameAccount(
    @Ctx() context: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("name", () => String) name: string,
  ): Promise<Account> {
    return Account.from(await this.deps.accounts.rename(requireUserId(context), id, name, context.traceId));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Account, { description: "Hides the account from lists and refuses new transactions on it; history and balance stay." })
  async archiveAccount(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Account> {
    return Account.from(await this.deps.accounts.setArchived(requireUserId(context), id, true, context.traceId));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Account)
  async unarchiveAccount(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Account> {
    return Account.from(await this.deps.accounts.setArchived(requireUserId(context), id, false, context.traceId));
  }
}
