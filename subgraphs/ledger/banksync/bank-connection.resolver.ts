import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { BankConnection, ConnectBankInput, LinkBankAccountInput } from "./bank-connection.type.js";

@Resolver(() => BankConnection)
export class BankConnectionResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @Directive(scopes("ledger:read"))
  @Query(() => [BankConnection], { description: "The caller's bank connections, oldest first." })
  async bankConnections(@Ctx() context: RequestContext): Promise<BankConnection[]> {
    return (await this.deps.bankConnections.list(requireUserId(context))).map(BankConnection.from);
  }

  @Directive(scopes("ledger:read"))
  @Query(() => BankConnection, { nullable: true })
  async bankConnection(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<BankConnection | null> {
    const view = await this.deps.bankConnections.find(requireUserId(context), id);
    return view ? BankConnection.from(view) : null;
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => BankConnection, {
    description: "Claims a SimpleFIN setup token and lists the bank's accounts; link them with `linkBankAccount`, then `syncBank`.",
  })
  async connectBank(
    @Ctx() context: RequestContext,
    @Arg("input", () => ConnectBankInput) input: ConnectBankInput,
  ): Promise<BankConnection> {
    return BankConnection.from(await this.deps.bankConnections.connect(requireUserId(context), input));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => BankConnection, {
    description: "Sends a bank account's transactions to one of the caller's ledger accounts in the same currency.",
  })
  async linkBankAccount(
    @Ctx() context: RequestContext,
    @Arg("input", () => LinkBankAccountInput) input: LinkBankAccountInput,
  ): Promise<BankConnection> {
    return BankConnection.from(await this.deps.bankConnections.link(requireUserId(context), input.remoteAccountId, input.ledgerAccountId));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => BankConnection, {
    description: "Queues a sync now (in the background); `bankConnection(id)` shows `lastSyncedAt`, `status` and `lastError` once it ran.",
  })
  async syncBank(@Ctx() context: RequestContext, @Arg("connectionId", () => ID) connectionId: string): Promise<BankConnection> {
    return BankConnection.from(await this.deps.bankConnections.requestSync(requireUserId(context), connectionId, context.traceId));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => BankConnection, { description: "Forgets the bank's credentials and stops syncing; imported transactions stay." })
  async disconnectBank(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<BankConnection> {
    return BankConnection.from(await this.deps.bankConnections.disconnect(requireUserId(context), id));
  }
}
