import type { DataSource, EntityManager } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { IdempotencyKeys } from "../../../platform/idempotency/index.js";
import type { JobQueue } from "../../../platform/jobs/index.js";
import type { Money } from "../../../platform/money/index.js";
import {
  FILE_LINK_TTL_SECONDS,
  type FileStorage,
  MAX_UPLOAD_BYTES,
  RECEIPT_CONTENT_TYPES,
  signFileGrant,
  signUploadGrant,
  UPLOAD_LINK_TTL_SECONDS,
} from "../../../platform/storage/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import type { AccountService } from "../accounts/account.service.js";
import type { TransactionService } from "../transactions/transaction.service.js";
import type { StoredTransaction } from "../transactions/transaction.writer.js";
import { ReceiptEntity } from "./receipt.entity.js";
import {
  badReceiptSize,
  receiptAlreadyAttached,
  receiptFieldMissing,
  receiptNotFound,
  receiptNotUploaded,
  receiptWrongState,
  unsupportedReceiptType,
} from "./receipt.errors.js";
import { announceReceipt } from "./receipt.events.js";
import { RECEIPT_JOB, type ReceiptJobPayload } from "./receipt.job.js";

/** Where the gateway takes uploads and serves files (gateway/uploads, gateway/files). */
const UPLOAD_PATH = "/uploads";
const DOWNLOAD_PATH = "/files";

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/heic": "heic",
  "application/pdf": "pdf",
};

export interface ConfirmReceiptRequest {
  receiptId: string;
  accountId: string;
  overrides?: {
    payee?: string | null;
    date?: string | null;
    amount?: Money | null;
    categoryId?: string | null;
    notes?: string | null;
  } | null;
  idempotencyKey?: string | null;
}

export const receiptStorageKey = (userId: string, receiptId: string) => `receipts/${userId}/${receiptId}`;

/**
 * Receipts, the request side: the upload link, the hand-over to the reading job, confirming a
 * draft into a transaction (through TransactionService, so the same validation, rules and outbox),
 * attaching to an existing one, deleting. Every read and write is scoped to the caller in SQL.
 */
export class ReceiptService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly outbox: Outbox,
    private readonly jobs: JobQueue,
    private readonly idempotency: IdempotencyKeys,
    private readonly accounts: AccountService,
    private readonly transactions: TransactionService,
    private readonly storage: FileStorage,
    private readonly linkSecret: string,
  ) {}

  async createUpload(
    userId: string,
    input: { contentType: string; size: number },
    traceId: string,
  ): Promise<{ receipt: ReceiptEntity; uploadUrl: string; expiresAt: Date }> {
    const contentType = input.contentType.trim().toLowerCase();
    if (!(RECEIPT_CONTENT_TYPES as readonly string[]).includes(contentType)) throw unsupportedReceiptType(input.contentType);
    if (!Number.isInteger(input.size) || input.size < 1 || input.size > MAX_UPLOAD_BYTES) throw badReceiptSize();
    const now = this.clock.now();
    const receipt = Object.assign(new ReceiptEntity(), {
      id: this.ids.next(),
      userId,
      status: "AWAITING_UPLOAD",
      contentType,
      size: input.size,
      failureReason: null,
      extraction: null,
      draft: null,
      suggestedTransactionId: null,
      transactionId: null,
      createdAt: now,
      updatedAt: now,
    } satisfies Omit<ReceiptEntity, "storageKey">);
    receipt.storageKey = receiptStorageKey(userId, receipt.id);
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ReceiptEntity, receipt);
      await this.announce(manager, traceId, receipt);
    });
    const expiresAt = Math.floor(now.getTime() / 1000) + UPLOAD_LINK_TTL_SECONDS;
    const token = signUploadGrant(
      { key: receipt.storageKey, userId, targetId: receipt.id, contentType, maxBytes: input.size, expiresAt },
      this.linkSecret,
    );
    return { receipt, uploadUrl: `${UPLOAD_PATH}?token=${token}`, expiresAt: new Date(expiresAt * 1000) };
  }

  /** The file is in storage (the gateway's upload route says so): UPLOADED, and the reading job queued. */
  async completeUpload(userId: string, id: string, traceId: string): Promise<ReceiptEntity> {
    return this.dataSource.transaction(async (manager) => {
      const receipt = await this.lockOwned(manager, userId, id);
      if (receipt.status !== "AWAITING_UPLOAD") throw receiptWrongState(receipt.status, "AWAITING_UPLOAD");
      const file = await this.storage.get(receipt.storageKey);
      if (!file) throw receiptNotUploaded();
      file.destroy();
      receipt.status = "UPLOADED";
      receipt.updatedAt = this.clock.now();
      await manager.save(receipt);
      await this.jobs.enqueue<ReceiptJobPayload>(manager, { kind: RECEIPT_JOB, userId, payload: { receiptId: receipt.id, traceId } });
      await this.announce(manager, traceId, receipt);
      return receipt;
    });
  }

  async find(userId: string, id: string): Promise<ReceiptEntity | null> {
    if (!isUuid(id)) return null;
    return this.dataSource.manager.findOneBy(ReceiptEntity, { id, userId });
  }

  /** Newest first, keyset-paged on (created_at, id). */
  async list(userId: string, first: number, after: string | null): Promise<{ rows: ReceiptEntity[]; hasNextPage: boolean }> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput("first must be between 1 and 100", { field: "first" });
    const query = this.dataSource.manager
      .createQueryBuilder(ReceiptEntity, "r")
      .where("r.user_id = :userId", { userId })
      .orderBy("r.created_at", "DESC")
      .addOrderBy("r.id", "DESC")
      .take(first + 1);
    if (after) {
      const [at, id] = decodeCursor(after);
      query.andWhere("(r.created_at, r.id) < (:at, :id)", { at, id });
    }
    const rows = await query.getMany();
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  /** The caller's receipts attached to each of `transactionIds` (for the per-request loader). */
  async attachedTo(userId: string, transactionIds: readonly string[]): Promise<ReceiptEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(ReceiptEntity, "r")
      .where("r.user_id = :userId AND r.transaction_id = ANY(:ids)", { userId, ids: [...transactionIds] })
      .orderBy("r.created_at", "ASC")
      .getMany();
  }

  /**
   * Posts the draft (with the caller's overrides) as a new transaction and attaches the receipt, in
   * one database transaction. A receipt attached already is CONFLICT; the same idempotencyKey
   * replays the first result.
   */
  async confirm(
    userId: string,
    request: ConfirmReceiptRequest,
    traceId: string,
  ): Promise<{ receipt: ReceiptEntity; posted: StoredTransaction }> {
    const { idempotencyKey, ...input } = request;
    const transactionId = this.ids.next();
    return this.dataSource.transaction(async (manager) => {
      const replayOf = await this.idempotency.claim(manager, userId, idempotencyKey, "confirmReceipt", input, transactionId);
      const receipt = await this.lockOwned(manager, userId, input.receiptId);
      if (replayOf) return { receipt, posted: await this.transactions.loadOwned(manager, userId, replayOf) };
      if (receipt.status !== "READY") throw receiptWrongState(receipt.status, "READY");
      if (receipt.transactionId) throw receiptAlreadyAttached();
      const draft = receipt.draft;
      const overrides = input.overrides ?? {};
      const date = overrides.date ?? draft?.date ?? null;
      if (!date) throw receiptFieldMissing("date", "date");
      const account = await this.accounts.usable(manager, userId, input.accountId, date);
      let amount = overrides.amount ?? null;
      if (!amount) {
        if (!draft) throw receiptFieldMissing("amount", "total");
        if (draft.currency !== account.currency)
          throw badInput(
            `the receipt is in ${draft.currency} and the account in ${account.currency}: give overrides.amount in ${account.currency}`,
            {
              field: "overrides.amount",
            },
          );
        amount = { amountMinor: BigInt(draft.amountMinor), currency: draft.currency };
      }
      const posted = await this.transactions.postIn(
        manager,
        userId,
        transactionId,
        {
          accountId: account.id,
          amount,
          date,
          payee: overrides.payee ?? draft?.payee ?? null,
          notes: overrides.notes ?? null,
          categoryId: overrides.categoryId !== undefined ? overrides.categoryId : (draft?.categoryId ?? null),
        },
        traceId,
        "RECEIPT",
      );
      receipt.transactionId = posted.transaction.id;
      receipt.updatedAt = this.clock.now();
      await manager.save(receipt);
      await this.announce(manager, traceId, receipt);
      return { receipt, posted };
    });
  }

  /** Attaches the receipt (READY or FAILED: the file is proof either way) to one of the caller's transactions. */
  async attach(userId: string, receiptId: string, transactionId: string, traceId: string): Promise<ReceiptEntity> {
    return this.dataSource.transaction(async (manager) => {
      const receipt = await this.lockOwned(manager, userId, receiptId);
      if (receipt.status !== "READY" && receipt.status !== "FAILED") throw receiptWrongState(receipt.status, "READY or FAILED");
      if (receipt.transactionId === transactionId) return receipt;
      if (receipt.transactionId) throw receiptAlreadyAttached();
      await this.transactions.loadOwned(manager, userId, transactionId);
      receipt.transactionId = transactionId;
      receipt.updatedAt = this.clock.now();
      await manager.save(receipt);
      await this.announce(manager, traceId, receipt);
      return receipt;
    });
  }

  /** Deletes the receipt and its file; a transaction it was attached to stays. */
  async delete(userId: string, id: string, traceId: string): Promise<boolean> {
    const deleted = await this.dataSource.transaction(async (manager) => {
      const receipt = await this.lockOwned(manager, userId, id);
      await manager.delete(ReceiptEntity, { id: receipt.id, userId });
      await this.announce(manager, traceId, receipt);
      return receipt;
    });
    await this.storage.delete(deleted.storageKey);
    return true;
  }

  /** A fresh 15-minute link to the file on the gateway, for its owner. */
  viewUrl(receipt: ReceiptEntity): string | null {
    if (receipt.status === "AWAITING_UPLOAD") return null;
    const expiresAt = Math.floor(this.clock.now().getTime() / 1000) + FILE_LINK_TTL_SECONDS;
    const filename = `receipt-${receipt.id}.${EXTENSIONS[receipt.contentType] ?? "bin"}`;
    const token = signFileGrant(
      { key: receipt.storageKey, userId: receipt.userId, expiresAt, contentType: receipt.contentType, filename },
      this.linkSecret,
    );
    return `${DOWNLOAD_PATH}?token=${token}`;
  }

  /** UserDeleted: the rows in the purge's transaction, then the files (a missing file is no error, so a retry is safe). */
  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    const rows: Array<{ storage_key: string }> = await manager.query(`SELECT storage_key FROM ledger.receipts WHERE user_id = $1`, [
      userId,
    ]);
    await manager.query(`DELETE FROM ledger.receipts WHERE user_id = $1`, [userId]);
    for (const row of rows) await this.storage.delete(row.storage_key);
  }

  async lockOwned(manager: EntityManager, userId: string, id: string): Promise<ReceiptEntity> {
    if (!isUuid(id)) throw receiptNotFound();
    const receipt = await manager.findOne(ReceiptEntity, { where: { id, userId }, lock: { mode: "pessimistic_write" } });
    if (!receipt) throw receiptNotFound();
    return receipt;
  }

  async announce(manager: EntityManager, traceId: string, receipt: ReceiptEntity): Promise<void> {
    await announceReceipt(this.outbox, manager, traceId, receipt);
  }
}

export const encodeReceiptCursor = (r: ReceiptEntity) => Buffer.from(`${r.createdAt.toISOString()}|${r.id}`).toString("base64url");

function decodeCursor(cursor: string): [Date, string] {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  if (!id || !isUuid(id) || Number.isNaN(date.getTime())) throw badInput("after is not a cursor of this list", { field: "after" });
  return [date, id];
}
