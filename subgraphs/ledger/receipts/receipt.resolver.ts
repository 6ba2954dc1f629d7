import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";

import { liveDirective, type RequestContext, requireUserId, scopes, servedByGateway } from "../../../platform/graphql/index.js";
import { LEDGER_RECEIPT_TOPIC, RECEIPT_UPDATED } from "../../../schema/events/ledger.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { Transaction } from "../transactions/transaction.type.js";
import { encodeReceiptCursor } from "./receipt.service.js";
import {
  AttachReceiptInput,
  ConfirmReceiptInput,
  CreateReceiptUploadInput,
  Receipt,
  ReceiptConnection,
  ReceiptUpload,
} from "./receipt.type.js";

@Resolver(() => Receipt)
export class ReceiptResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @Directive(scopes("ledger:read"))
  @Query(() => Receipt, { nullable: true, description: "One of the caller's receipts; null if unknown or not theirs." })
  async receipt(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Receipt | null> {
    const found = await this.deps.receipts.find(requireUserId(context), id);
    return found ? Receipt.from(found) : null;
  }

  @Directive(scopes("ledger:read"))
  @Query(() => ReceiptConnection, { description: "The caller's receipts, newest first." })
  async receipts(
    @Ctx() context: RequestContext,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<ReceiptConnection> {
    const { rows, hasNextPage } = await this.deps.receipts.list(requireUserId(context), first, after);
    return Object.assign(new ReceiptConnection(), {
      nodes: rows.map(Receipt.from),
      endCursor: rows.length ? encodeReceiptCursor(rows[rows.length - 1]!) : null,
      hasNextPage,
    });
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => ReceiptUpload, {
    description: "Starts a receipt: answers a single-use upload link (10 minutes) for a file of the declared type and size.",
  })
  async createReceiptUpload(
    @Ctx() context: RequestContext,
    @Arg("input", () => CreateReceiptUploadInput) input: CreateReceiptUploadInput,
  ): Promise<ReceiptUpload> {
    const { receipt, uploadUrl, expiresAt } = await this.deps.receipts.createUpload(requireUserId(context), input, context.traceId);
    return Object.assign(new ReceiptUpload(), {
      receipt: Receipt.from(receipt),
      receiptId: receipt.id,
      uploadUrl,
      expiresAt: expiresAt.toISOString(),
    });
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Receipt, {
    description:
      "Marks the receipt's file as uploaded and queues its reading. The gateway's upload route calls it after storing the file; " +
      "clients need not (a second call is CONFLICT).",
  })
  async completeReceiptUpload(@Ctx() context: RequestContext, @Arg("receiptId", () => ID) receiptId: string): Promise<Receipt> {
    return Receipt.from(await this.deps.receipts.completeUpload(requireUserId(context), receiptId, context.traceId));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Receipt, {
    description:
      "Posts the receipt's draft (with overrides) on an account as a new transaction and attaches the receipt; a second confirm is CONFLICT.",
  })
  async confirmReceipt(
    @Ctx() context: RequestContext,
    @Arg("input", () => ConfirmReceiptInput) input: ConfirmReceiptInput,
  ): Promise<Receipt> {
    const overrides = input.overrides
      ? {
          payee: input.overrides.payee,
          date: input.overrides.date,
          amount: input.overrides.amount ? input.overrides.amount.toMoney() : null,
          categoryId: input.overrides.categoryId,
          notes: input.overrides.notes,
        }
      : null;
    const { receipt } = await this.deps.receipts.confirm(requireUserId(context), { ...input, overrides }, context.traceId);
    return Receipt.from(receipt);
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Receipt, { description: "Attaches the receipt to one of the caller's existing transactions (the suggested match, say)." })
  async attachReceipt(@Ctx() context: RequestContext, @Arg("input", () => AttachReceiptInput) input: AttachReceiptInput): Promise<Receipt> {
    return Receipt.from(await this.deps.receipts.attach(requireUserId(context), input.receiptId, input.transactionId, context.traceId));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Boolean, { description: "Deletes the receipt and its file; a transaction it was attached to stays." })
  async deleteReceipt(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<boolean> {
    return this.deps.receipts.delete(requireUserId(context), id, context.traceId);
  }

  @Directive(
    liveDirective({
      topic: LEDGER_RECEIPT_TOPIC,
      events: [RECEIPT_UPDATED],
      lookup: "receipt",
      id: "id",
      match: { id: "id" },
      audience: "owner",
    }),
  )
  @Directive(scopes("ledger:read"))
  @Subscription(() => Receipt, {
    description: "The receipt whenever its status, reading, draft or attachment changes; ends when it is deleted.",
    subscribe: servedByGateway,
  })
  receiptUpdated(@Arg("id", () => ID) _id: string): Receipt {
    return servedByGateway();
  }

  @FieldResolver(() => Transaction, {
    nullable: true,
    description:
      "An existing transaction of the caller's this receipt seems to prove (same currency, amount ± 1 %, date ± 3 days): attach rather than post a duplicate.",
  })
  async suggestedMatch(@Root() r: Receipt, @Ctx() context: RequestContext): Promise<Transaction | null> {
    if (!r.suggestedTransactionId || r.transactionId) return null;
    const entity = await context.loaders.get(this.deps.loaders.transaction).load(r.suggestedTransactionId);
    return entity && !entity.deletedAt ? Transaction.from(entity) : null;
  }

  @FieldResolver(() => Transaction, { nullable: true, description: "The transaction the receipt is attached to." })
  async transaction(@Root() r: Receipt, @Ctx() context: RequestContext): Promise<Transaction | null> {
    if (!r.transactionId) return null;
    const entity = await context.loaders.get(this.deps.loaders.transaction).load(r.transactionId);
    return entity ? Transaction.from(entity) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "A link on the gateway (a path, /files?token=...) to the file for 15 minutes; each read makes a fresh one. Null before the upload.",
  })
  viewUrl(@Root() r: Receipt): string | null {
    return this.deps.receipts.viewUrl(r.entity);
  }
}

@Resolver(() => Transaction)
export class TransactionReceiptsResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @FieldResolver(() => [Receipt], { description: "Receipts attached to the transaction, oldest first." })
  async receipts(@Root() t: Transaction, @Ctx() context: RequestContext): Promise<Receipt[]> {
    return (await context.loaders.get(this.deps.loaders.receipts).load(t.id)).map(Receipt.from);
  }
}
