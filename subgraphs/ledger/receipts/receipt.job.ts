import { buffer } from "node:stream/consumers";

import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import type { JobExecution, JobHandler, JobRecord, JobStepResult } from "../../../platform/jobs/index.js";
import type { FileStorage } from "../../../platform/storage/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { TransactionEntity } from "../transactions/transaction.entity.js";
import type { TransactionWriter } from "../transactions/transaction.writer.js";
import { UserSettingsEntity } from "../users/user-settings.entity.js";
import { type ReceiptExtraction, type ReceiptReader, UnreadableReceiptError } from "./ocr/receipt-reader.js";
import { ReceiptEntity } from "./receipt.entity.js";
import { announceReceipt } from "./receipt.events.js";
import { draftFrom, type ReceiptDraftData } from "./receipt-draft.js";
import { bestReceiptMatch, MATCH_DAYS } from "./receipt-match.js";

export const RECEIPT_JOB = "ledger.receipt";

export interface ReceiptJobPayload {
  receiptId: string;
  traceId: string;
}

type ReceiptCursor = { phase: "read" };

export interface ReceiptJobDeps {
  clock: Clock;
  outbox: Outbox;
  storage: FileStorage;
  reader: ReceiptReader;
  writer: TransactionWriter;
}

type Reading = { ok: true; extraction: ReceiptExtraction } | { ok: false; reason: string };

/**
 * Reads a receipt off the request path. Step 1 marks it PROCESSING and starts reading the file
 * (OCR takes seconds; it runs while that step commits); step 2 takes the reading and ends READY
 * (with a draft when it is a receipt with a legible total, categorised by the user's rules, and the
 * nearest matching transaction suggested) or FAILED when the file cannot be decoded. Other errors
 * are retried by the runner and, past its attempts, FAIL the receipt through `failed`.
 */
export function receiptJobHandler(deps: ReceiptJobDeps): JobHandler<ReceiptJobPayload, ReceiptCursor> {
  return {
    kind: RECEIPT_JOB,
    open: (job) => new ReceiptRun(deps, job),
    failed: async (manager, job, message) => {
      const receipt = await manager.findOneBy(ReceiptEntity, { id: job.payload.receiptId });
      if (!receipt || receipt.status === "READY") return;
      receipt.status = "FAILED";
      receipt.failureReason = message;
      receipt.updatedAt = deps.clock.now();
      await manager.save(receipt);
      await announceReceipt(deps.outbox, manager, job.payload.traceId, receipt);
    },
  };
}

class ReceiptRun implements JobExecution<ReceiptCursor> {
  private reading?: Promise<Reading>;

  constructor(
    private readonly deps: ReceiptJobDeps,
    private readonly job: JobRecord<ReceiptJobPayload, ReceiptCursor>,
  ) {}

  async step(manager: EntityManager): Promise<JobStepResult<ReceiptCursor>> {
    const receipt = await manager.findOneBy(ReceiptEntity, { id: this.job.payload.receiptId });
    // Deleted meanwhile: nothing left to do.
    if (!receipt) return { cursor: { phase: "read" }, done: true };
    if (this.job.cursor === null && !this.reading) {
      receipt.status = "PROCESSING";
      receipt.updatedAt = this.deps.clock.now();
      await manager.save(receipt);
      await this.announce(manager, receipt);
      this.reading = this.read(receipt);
      // Observed here so a reading nobody awaits (this step's commit failed) is no unhandled rejection.
      this.reading.catch(() => undefined);
      return { cursor: { phase: "read" }, done: false };
    }
    const reading = await (this.reading ?? this.read(receipt));
    const now = this.deps.clock.now();
    receipt.updatedAt = now;
    if (!reading.ok) {
      receipt.status = "FAILED";
      receipt.failureReason = reading.reason;
    } else {
      receipt.status = "READY";
      receipt.failureReason = null;
      receipt.extraction = reading.extraction;
      receipt.draft = await this.draft(manager, receipt.userId, reading.extraction);
      receipt.suggestedTransactionId = receipt.draft ? await this.match(manager, receipt.userId, receipt.draft) : null;
    }
    await manager.save(receipt);
    await this.announce(manager, receipt);
    return { cursor: { phase: "read" }, done: true };
  }

  private async read(receipt: ReceiptEntity): Promise<Reading> {
    const stream = await this.deps.storage.get(receipt.storageKey);
    if (!stream) return { ok: false, reason: "the uploaded file is missing" };
    const file = await buffer(stream);
    try {
      return { ok: true, extraction: await this.deps.reader.read(file, receipt.contentType) };
    } catch (error) {
      if (error instanceof UnreadableReceiptError) return { ok: false, reason: error.reason };
      throw error;
    }
  }

  /** The draft with the category the user's rules give its payee and amount (none: uncategorised). */
  private async draft(manager: EntityManager, userId: string, extraction: ReceiptExtraction): Promise<ReceiptDraftData | null> {
    const settings = await manager.findOneBy(UserSettingsEntity, { userId });
    const draft = draftFrom(extraction, settings?.baseCurrency?.trim() ?? null);
    if (!draft) return null;
    const categorize = await this.deps.writer.categorizerFor(manager, userId);
    const categorized = categorize(
      {
        // No account is chosen yet: rules limited to accounts do not apply to a draft.
        accountId: "",
        payee: draft.payee ?? "",
        notes: "",
        amount: { amountMinor: BigInt(draft.amountMinor), currency: draft.currency },
        categoryId: null,
        tags: [],
      },
      false,
    );
    return { ...draft, payee: categorized.payee || null, categoryId: categorized.categoryId };
  }

  /** The caller's own live transaction nearest the receipt: same currency, amount ± 1 %, date ± 3 days. */
  private async match(manager: EntityManager, userId: string, draft: ReceiptDraftData): Promise<string | null> {
    if (!draft.date) return null;
    const amount = BigInt(draft.amountMinor);
    const magnitude = amount < 0n ? -amount : amount;
    const slack = magnitude / 100n + 1n;
    const candidates = await manager
      .createQueryBuilder(TransactionEntity, "t")
      .where("t.user_id = :userId AND t.currency = :currency AND t.deleted_at IS NULL AND t.kind <> 'TRANSFER'", {
        userId,
        currency: draft.currency,
      })
      .andWhere("t.date BETWEEN CAST(:date AS date) - CAST(:days AS integer) AND CAST(:date AS date) + CAST(:days AS integer)", {
        date: draft.date,
        days: MATCH_DAYS,
      })
      .andWhere("t.amount_minor BETWEEN :low AND :high", { low: String(amount - slack), high: String(amount + slack) })
      .limit(50)
      .getMany();
    const best = bestReceiptMatch(
      { amountMinor: amount, currency: draft.currency, date: draft.date },
      candidates.map((t) => ({ id: t.id, amountMinor: t.amountMinor, currency: t.currency.trim(), date: t.date })),
    );
    return best?.id ?? null;
  }

  private announce(manager: EntityManager, receipt: ReceiptEntity): Promise<void> {
    return announceReceipt(this.deps.outbox, manager, this.job.payload.traceId, receipt);
  }
}
