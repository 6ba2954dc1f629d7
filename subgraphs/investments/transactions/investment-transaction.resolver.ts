import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";

import { givenFields, PageInfo, type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { MoneyInput } from "../../../platform/money/index.js";
import { grossOf } from "../holdings/cash-flows.js";
import type { InvestmentsDeps } from "../investments.deps.js";
import { bookOf } from "../portfolios/portfolio.resolver.js";
import { Portfolio } from "../portfolios/portfolio.type.js";
import { Security } from "../securities/security.type.js";
import { type ActivityFields, moneyField } from "./activity-draft.js";
import type { ActivityRecord } from "./activity-record.js";
import { RecordInvestmentTransactionInput, UpdateInvestmentTransactionInput } from "./investment-transaction.inputs.js";
import { InvestmentTransaction, InvestmentTransactionEdge } from "./investment-transaction.type.js";
import { MAX_TRANSACTIONS_PAGE } from "./transaction-page.js";

@ObjectType("InvestmentTransactionConnection")
export class InvestmentTransactionConnection {
  @Field(() => [InvestmentTransaction])
  nodes!: InvestmentTransaction[];

  @Field(() => [InvestmentTransactionEdge])
  edges!: InvestmentTransactionEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

const gross = (record: ActivityRecord) => (record.type === "BUY" || record.type === "SELL" ? grossOf(record) : null);
export const transactionFrom = (record: ActivityRecord) => InvestmentTransaction.from(record, gross(record));

const money = (input: MoneyInput | null | undefined, field: string) =>
  input === null || input === undefined ? input : moneyField(input.amount, input.currency, field);

/** MoneyInputs parsed with errors naming the field; other fields as given (left out stays left out). */
function fieldsFrom(input: Partial<RecordInvestmentTransactionInput>): Partial<ActivityFields> {
  const given = givenFields(input);
  const out: Partial<ActivityFields> = {};
  for (const key of ["type", "symbol", "quantity", "splitRatio", "date", "note"] as const)
    if (key in given) (out as Record<string, unknown>)[key] = given[key];
  for (const key of ["price", "fee", "amount"] as const) if (key in given) out[key] = money(given[key], key);
  return out;
}

@Resolver(() => InvestmentTransaction)
export class InvestmentTransactionResolver {
  constructor(private readonly deps: InvestmentsDeps) {}

  @Directive(scopes("investments:read"))
  @Query(() => InvestmentTransaction, { nullable: true, description: "One of the caller's investment transactions; null otherwise." })
  async investmentTransaction(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<InvestmentTransaction | null> {
    requireUserId(context);
    const record = await context.loaders.get(this.deps.loaders.transaction).load(id);
    return record ? transactionFrom(record) : null;
  }

  @Directive(scopes("investments:write"))
  @Mutation(() => InvestmentTransaction, {
    description:
      "Records one activity. Refused, with nothing written, when the portfolio's replay refuses it: INSUFFICIENT_QUANTITY for a SELL of more than is held on its date (a SELL before any BUY included).",
  })
  async recordInvestmentTransaction(
    @Ctx() context: RequestContext,
    @Arg("input", () => RecordInvestmentTransactionInput) input: RecordInvestmentTransactionInput,
  ): Promise<InvestmentTransaction> {
    const fields = fieldsFrom(input) as ActivityFields;
    const { record } = await this.deps.transactions.record(
      requireUserId(context),
      { ...fields, portfolioId: input.portfolioId, idempotencyKey: input.idempotencyKey ?? null },
      context.traceId,
    );
    return transactionFrom(record);
  }

  @Directive(scopes("investments:write"))
  @Mutation(() => InvestmentTransaction, {
    description:
      "Changes an activity; every figure after the earlier of its old and new dates follows (lots are replayed). Refused, nothing written, when some SELL would then sell more than is held (INSUFFICIENT_QUANTITY).",
  })
  async updateInvestmentTransaction(
    @Ctx() context: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateInvestmentTransactionInput) input: UpdateInvestmentTransactionInput,
  ): Promise<InvestmentTransaction> {
    const { record } = await this.deps.transactions.update(
      requireUserId(context),
      id,
      fieldsFrom(input as Partial<RecordInvestmentTransactionInput>),
      context.traceId,
    );
    return transactionFrom(record);
  }

  @Directive(scopes("investments:write"))
  @Mutation(() => Portfolio, {
    description:
      "Deletes an activity and returns its portfolio. Refused, nothing deleted, when a later SELL would then sell more than is held.",
  })
  async deleteInvestmentTransaction(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Portfolio> {
    return Portfolio.from(await this.deps.transactions.delete(requireUserId(context), id, context.traceId));
  }

  @FieldResolver(() => Security, {
    nullable: true,
    description: "Null for cash movements and for fees and interest not tied to a security.",
  })
  async security(@Root() transaction: InvestmentTransaction, @Ctx() context: RequestContext): Promise<Security | null> {
    if (transaction.securityId === null) return null;
    const security = await context.loaders.get(this.deps.loaders.security).load(transaction.securityId);
    return security ? Security.from(security) : null;
  }

  @FieldResolver(() => Portfolio)
  async portfolio(@Root() transaction: InvestmentTransaction, @Ctx() context: RequestContext): Promise<Portfolio> {
    return Portfolio.from((await bookOf(this.deps, context, transaction.portfolioId)).portfolio);
  }
}

@Resolver(() => Portfolio)
export class PortfolioTransactionsResolver {
  constructor(private readonly deps: InvestmentsDeps) {}

  @Directive(scopes("investments:read"))
  @FieldResolver(() => InvestmentTransactionConnection, {
    description: "The activity, newest first (same-day entries latest entered first).",
  })
  async transactions(
    @Root() portfolio: Portfolio,
    @Ctx() context: RequestContext,
    @Arg("first", () => Int, { defaultValue: 50, description: `1 to ${MAX_TRANSACTIONS_PAGE}.` }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("securityId", () => ID, { nullable: true, description: "Only this security's." }) securityId: string | null,
  ): Promise<InvestmentTransactionConnection> {
    const page = await this.deps.transactions.page(requireUserId(context), portfolio.id, first, after ?? null, securityId ?? null);
    const nodes = page.records.map(transactionFrom);
    return Object.assign(new InvestmentTransactionConnection(), {
      nodes,
      edges: nodes.map((node, i) => Object.assign(new InvestmentTransactionEdge(), { cursor: page.cursors[i]!, node })),
      pageInfo: Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null }),
    });
  }
}
