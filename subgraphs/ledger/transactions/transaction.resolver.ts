import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";

import { badInput } from "../../../platform/errors/index.js";
import {
  encodeDatedCursor,
  givenFields,
  liveDirective,
  type RequestContext,
  requireUserId,
  scopes,
  servedByGateway,
} from "../../../platform/graphql/index.js";
import { type Money, MoneyType } from "../../../platform/money/index.js";
import { LEDGER_TRANSACTION_TOPIC, TRANSACTION_POSTED } from "../../../schema/events/ledger.js";
import { Account } from "../accounts/account.type.js";
import { Category } from "../categories/category.type.js";
import { convertAt } from "../currency/conversion.js";
import { baseCurrencyUnknown, exchangeRateMissing } from "../currency/currency.errors.js";
import { rateKey } from "../currency/exchange-rate-query.service.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { impliedRate } from "./double-entry.js";
import { PostTransactionInput, type SplitInput, TransactionFilter, TransferInput, UpdateTransactionInput } from "./transaction.inputs.js";
import type { TransactionPatch } from "./transaction.service.js";
import { Posting, Split, Transaction, TransactionConnection, TransactionTotals } from "./transaction.type.js";
import type { EntryInput, StoredTransaction } from "./transaction.writer.js";

export const MAX_PAGE = 500;

const splitsOf = (splits: SplitInput[] | null | undefined) =>
  splits
    ? splits.map((s) => ({ categoryId: s.categoryId ?? null, amount: s.amount.toMoney(), memo: s.memo ?? null }))
    : splits === null
      ? null
      : undefined;
const toMoney = (value: { toMoney(): Money } | null | undefined) => (value ? value.toMoney() : value);
const out = (stored: StoredTransaction) => Transaction.from(stored.transaction);

/** The connection the User field and the Query field share. */
export async function transactionConnection(
  deps: LedgerDeps,
  userId: string,
  filter: TransactionFilter | null | undefined,
  first: number,
  after: string | null | undefined,
): Promise<TransactionConnection> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
    throw badInput(`first must be between 1 and ${MAX_PAGE}`, { field: "first" });
  const query = await deps.queries.prepare(userId, filter);
  const { rows, hasNextPage } = await deps.queries.page(userId, query, first, after);
  const nodes = rows.map(Transaction.from);
  return Object.assign(new TransactionConnection(), {
    edges: rows.map((row, i) => ({ cursor: encodeDatedCursor(row), node: nodes[i]! })),
    nodes,
    pageInfo: { hasNextPage, endCursor: rows.length ? encodeDatedCursor(rows[rows.length - 1]!) : null },
    filterKey: { userId, query },
  });
}

@Resolver(() => TransactionConnection)
export class TransactionConnectionResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @FieldResolver(() => TransactionTotals, { description: "Over every page of the filter; computed only when asked for." })
  async totals(@Root() connection: TransactionConnection): Promise<TransactionTotals> {
    const { userId, query } = connection.filterKey as { userId: string; query: Parameters<LedgerDeps["queries"]["totals"]>[1] };
    const totals = await this.deps.queries.totals(userId, query);
    return {
      count: totals.count,
      byCurrency: totals.byCurrency.map((t) => ({
        currency: t.currency,
        income: MoneyType.from({ amountMinor: t.income, currency: t.currency }),
        expense: MoneyType.from({ amountMinor: t.expense, currency: t.currency }),
        net: MoneyType.from({ amountMinor: t.income + t.expense, currency: t.currency }),
      })),
    };
  }
}

@Resolver(() => Split)
export class SplitResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @FieldResolver(() => Category, { nullable: true, description: "Null: uncategorised." })
  async category(@Root() split: Split, @Ctx() context: RequestContext): Promise<Category | null> {
    if (!split.categoryId) return null;
    const entity = await context.loaders.get(this.deps.loaders.category).load(split.categoryId);
    return entity ? Category.from(entity) : null;
  }
}

@Resolver(() => Posting)
export class PostingResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @FieldResolver(() => Account, { nullable: true })
  async account(@Root() posting: Posting, @Ctx() context: RequestContext): Promise<Account | null> {
    if (!posting.accountId) return null;
    const entity = await context.loaders.get(this.deps.loaders.account).load(posting.accountId);
    return entity ? Account.from(entity) : null;
  }

  @FieldResolver(() => Category, { nullable: true })
  async category(@Root() posting: Posting, @Ctx() context: RequestContext): Promise<Category | null> {
    if (!posting.categoryId) return null;
    const entity = await context.loaders.get(this.deps.loaders.category).load(posting.categoryId);
    return entity ? Category.from(entity) : null;
  }
}

@Resolver(() => Transaction)
export class TransactionResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @Directive(scopes("ledger:read"))
  @Query(() => TransactionConnection, { description: "The caller's transactions, newest first, a page at a time." })
  async transactions(
    @Ctx() context: RequestContext,
    @Arg("filter", () => TransactionFilter, { nullable: true }) filter: TransactionFilter | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<TransactionConnection> {
    return transactionConnection(this.deps, requireUserId(context), filter, first, after);
  }

  @Directive(scopes("ledger:read"))
  @Query(() => Transaction, {
    nullable: true,
    description: "One of the caller's transactions (deleted ones too); null if unknown or not theirs.",
  })
  async transaction(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Transaction | null> {
    requireUserId(context);
    const entity = await context.loaders.get(this.deps.loaders.transaction).load(id);
    return entity ? Transaction.from(entity) : null;
  }

  @Directive(liveDirective({ topic: LEDGER_TRANSACTION_TOPIC, events: [TRANSACTION_POSTED], lookup: "transaction", id: "transactionId" }))
  @Directive(scopes("ledger:read"))
  @Subscription(() => Transaction, { description: "Each transaction the caller posts, as it is posted.", subscribe: servedByGateway })
  transactionPosted(): Transaction {
    return servedByGateway();
  }

  @FieldResolver(() => Account, { nullable: true })
  async account(@Root() t: Transaction, @Ctx() context: RequestContext): Promise<Account | null> {
    const entity = await context.loaders.get(this.deps.loaders.account).load(t.accountId);
    return entity ? Account.from(entity) : null;
  }

  @FieldResolver(() => Account, { nullable: true, description: "Transfers: the receiving account." })
  async toAccount(@Root() t: Transaction, @Ctx() context: RequestContext): Promise<Account | null> {
    if (!t.toAccountId) return null;
    const entity = await context.loaders.get(this.deps.loaders.account).load(t.toAccountId);
    return entity ? Account.from(entity) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Transfers across currencies: units received per unit sent, implied by the two amounts.",
  })
  exchangeRate(@Root() t: Transaction): string | null {
    if (t.toAmountMinor === null || !t.toCurrency || t.toCurrency === t.currency) return null;
    return impliedRate({ amountMinor: -t.amountMinor, currency: t.currency }, { amountMinor: t.toAmountMinor, currency: t.toCurrency });
  }

  @FieldResolver(() => Category, { nullable: true, description: "The category when there is exactly one; see splits otherwise." })
  async category(@Root() t: Transaction, @Ctx() context: RequestContext): Promise<Category | null> {
    const lines = (await context.loaders.get(this.deps.loaders.legs).load(t.id)).filter((l) => l.role === "CATEGORY");
    if (lines.length !== 1 || !lines[0]!.categoryId) return null;
    const entity = await context.loaders.get(this.deps.loaders.category).load(lines[0]!.categoryId);
    return entity ? Category.from(entity) : null;
  }

  @FieldResolver(() => [Split], { description: "Category lines (one unless split); empty for transfers." })
  async splits(@Root() t: Transaction, @Ctx() context: RequestContext): Promise<Split[]> {
    return (await context.loaders.get(this.deps.loaders.legs).load(t.id)).filter((l) => l.role === "CATEGORY").map(Split.from);
  }

  @FieldResolver(() => [Posting], { description: "The double entry: legs that sum to zero per currency." })
  async postings(@Root() t: Transaction, @Ctx() context: RequestContext): Promise<Posting[]> {
    return (await context.loaders.get(this.deps.loaders.legs).load(t.id)).map(Posting.from);
  }

  @FieldResolver(() => MoneyType, {
    nullable: true,
    description: "In the caller's base currency at the rate of the transaction's date; EXCHANGE_RATE_MISSING if that day has none.",
  })
  async amountInBaseCurrency(@Root() t: Transaction, @Ctx() context: RequestContext): Promise<MoneyType> {
    const base = await context.loaders.get(this.deps.loaders.baseCurrency).load(t.userId);
    if (!base) throw baseCurrencyUnknown();
    const value = { amountMinor: t.amountMinor, currency: t.currency };
    if (base === t.currency) return MoneyType.from(value);
    const rate = await context.loaders.get(this.deps.loaders.rate).load(rateKey(t.date, t.currency, base));
    if (!rate) throw exchangeRateMissing(t.date, t.currency, base);
    return MoneyType.from(convertAt(value, base, rate));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Transaction, {
    description: "Income (positive amount) or expense (negative) on one account; rules fill in what is not given.",
  })
  async postTransaction(
    @Ctx() context: RequestContext,
    @Arg("input", () => PostTransactionInput) input: PostTransactionInput,
  ): Promise<Transaction> {
    const userId = requireUserId(context);
    const entry: EntryInput = { ...input, amount: input.amount.toMoney(), splits: splitsOf(input.splits) };
    return out(await this.deps.transactions.post(userId, entry, context.traceId));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Transaction, { description: "Moves money between two of the caller's accounts; across currencies give both amounts." })
  async transferBetweenAccounts(
    @Ctx() context: RequestContext,
    @Arg("input", () => TransferInput) input: TransferInput,
  ): Promise<Transaction> {
    const userId = requireUserId(context);
    return out(
      await this.deps.transactions.transfer(
        userId,
        { ...input, amount: input.amount.toMoney(), toAmount: toMoney(input.toAmount) },
        context.traceId,
      ),
    );
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Transaction)
  async updateTransaction(
    @Ctx() context: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateTransactionInput) input: UpdateTransactionInput,
  ): Promise<Transaction> {
    const userId = requireUserId(context);
    const patch = givenFields(input) as TransactionPatch;
    if (input.amount !== undefined) patch.amount = toMoney(input.amount) ?? undefined;
    if (input.toAmount !== undefined) patch.toAmount = toMoney(input.toAmount);
    if (input.splits !== undefined) patch.splits = splitsOf(input.splits);
    return out(await this.deps.transactions.update(userId, id, patch, context.traceId));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Transaction, { description: "Soft delete: out of balances and lists until restored." })
  async deleteTransaction(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Transaction> {
    return out(await this.deps.transactions.setDeleted(requireUserId(context), id, true, context.traceId));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Transaction)
  async restoreTransaction(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Transaction> {
    return out(await this.deps.transactions.setDeleted(requireUserId(context), id, false, context.traceId));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Transaction, { description: "Allows edits to a reconciled transaction again." })
  async unlockTransaction(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Transaction> {
    return out(await this.deps.transactions.unlock(requireUserId(context), id));
  }
}
