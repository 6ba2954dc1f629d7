import { Arg, Ctx, Directive, ID, Int, Mutation, Query, Resolver, Subscription } from "type-graphql";
import { badInput } from "../../../platform/errors/index.js";
import { liveDirective, requireUserId, servedByGateway, type RequestContext } from "../../../platform/graphql/index.js";
import type { LedgerDeps } from "../subgraph.js";
import { TRANSACTION_TOPIC } from "./transaction.events.js";
import { PostTransactionInput } from "./transaction.inputs.js";
import { Transaction } from "./transaction.type.js";

@Resolver(() => Transaction)
export class TransactionResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @Directive('@requiresScopes(scopes: [["ledger:read"]])')
  @Query(() => [Transaction], { description: "The caller's transactions, newest first." })
  async transactions(
    @Ctx() context: RequestContext,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
  ): Promise<Transaction[]> {
    const userId = requireUserId(context);
    if (first < 1 || first > 500) throw badInput("first must be between 1 and 500", { field: "first" });
    return (await this.deps.transactions.listForUser(userId, first)).map(Transaction.from);
  }

  @Directive('@requiresScopes(scopes: [["ledger:read"]])')
  @Query(() => Transaction, { nullable: true, description: "One of the caller's transactions; null if unknown or not theirs." })
  async transaction(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Transaction | null> {
    requireUserId(context);
    const entity = await context.loaders.get(this.deps.transactionLoader).load(id);
    return entity ? Transaction.from(entity) : null;
  }

  @Directive(liveDirective({ topic: TRANSACTION_TOPIC, events: ["TransactionPosted"], lookup: "transaction", id: "transactionId" }))
  @Directive('@requiresScopes(scopes: [["ledger:read"]])')
  @Subscription(() => Transaction, { description: "Each transaction the caller posts, as it is posted.", subscribe: servedByGateway })
  transactionPosted(): Transaction {
    return servedByGateway();
  }

  @Directive('@requiresScopes(scopes: [["ledger:write"]])')
  @Mutation(() => Transaction)
  async postTransaction(
    @Ctx() context: RequestContext,
    @Arg("input", () => PostTransactionInput) input: PostTransactionInput,
  ): Promise<Transaction> {
    const userId = requireUserId(context);
    const entity = await this.deps.transactions.post(
      userId,
      { amount: input.amount.toMoney(), description: input.description, date: input.date },
      context.traceId,
    );
    return Transaction.from(entity);
  }
}
