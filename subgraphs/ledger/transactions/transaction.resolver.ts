import { Arg, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { badInput } from "../../../platform/errors/index.js";
import { requireUserId, type RequestContext } from "../../../platform/graphql/index.js";
import type { LedgerDeps } from "../subgraph.js";
import { PostTransactionInput } from "./transaction.inputs.js";
import { Transaction } from "./transaction.type.js";

@Resolver(() => Transaction)
export class TransactionResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @Query(() => [Transaction], { description: "The caller's transactions, newest first." })
  async transactions(
    @Ctx() context: RequestContext,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
  ): Promise<Transaction[]> {
    const userId = requireUserId(context);
    if (first < 1 || first > 500) throw badInput("first must be between 1 and 500", { field: "first" });
    return (await this.deps.transactions.listForUser(userId, first)).map(Transaction.from);
  }

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
