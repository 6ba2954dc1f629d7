import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from "type-graphql";

import type { RequestContext } from "../../../platform/graphql/index.js";
import { requireOwnUser, scopes } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import { Account } from "../accounts/account.type.js";
import { Category } from "../categories/category.type.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { TransactionFilter } from "../transactions/transaction.inputs.js";
import { transactionConnection } from "../transactions/transaction.resolver.js";
import { TransactionConnection } from "../transactions/transaction.type.js";
import { NetWorthService } from "./net-worth.service.js";
import { UserRef } from "./user.type.js";

/**
 * The ledger's fields on `User`. `__resolveReference` only resolves the caller themselves, so
 * these always read the caller's own data.
 */

@Resolver(() => UserRef)
export class LedgerUserResolver {
  private readonly netWorthService: NetWorthService;

  constructor(private readonly deps: LedgerDeps) {
    this.netWorthService = new NetWorthService(deps);
  }

  private own(user: UserRef, context: RequestContext): string {
    return requireOwnUser(user, context);
  }

  @Directive(scopes("ledger:read"))
  @FieldResolver(() => [Account], { description: "Open accounts, oldest first." })
  async accounts(@Root() user: UserRef, @Ctx() context: RequestContext): Promise<Account[]> {
    return (await this.deps.accounts.list(this.own(user, context), false)).map(Account.from);
  }

  @Directive(scopes("ledger:read"))
  @FieldResolver(() => [Category])
  async categories(@Root() user: UserRef, @Ctx() context: RequestContext): Promise<Category[]> {
    return (await this.deps.categories.list(this.own(user, context))).map(Category.from);
  }

  @Directive(scopes("ledger:read"))
  @FieldResolver(() => TransactionConnection)
  async transactions(
    @Root() user: UserRef,
    @Ctx() context: RequestContext,
    @Arg("filter", () => TransactionFilter, { nullable: true }) filter: TransactionFilter | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<TransactionConnection> {
    return transactionConnection(this.deps, this.own(user, context), filter, first, after);
  }

  @Directive(scopes("ledger:read"))
  // Nullable so that a missing rate (or a base currency the ledger has not heard of yet) fails this
  // field alone: non-null, its error would null the whole `User` and with it every sibling field.
  @FieldResolver(() => MoneyType, {
    nullable: true,
    description:
      "Every open account's balance today in the base currency, each at its latest rate on or before today. Null with EXCHANGE_RATE_MISSING when a currency has none (the user's other fields still resolve).",
  })
  async netWorth(@Root() user: UserRef, @Ctx() context: RequestContext): Promise<MoneyType> {
    return MoneyType.from(await this.netWorthService.of(this.own(user, context), context));
  }
}
