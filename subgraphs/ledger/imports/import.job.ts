import type { EntityManager } from "typeorm";

import { nextTurn } from "../../../platform/concurrency/next-turn.js";
import { badInput, isClientError } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { JobExecution, JobHandler, JobRecord, JobStepResult } from "../../../platform/jobs/index.js";
import type { Clock, IdGenerator } from "../../../platform/time/index.js";
import { IMPORT_UPDATED, type ImportUpdatedV1, LEDGER_IMPORT_TOPIC, TRANSACTION_POSTED } from "../../../schema/events/ledger.js";
import { AccountEntity } from "../accounts/account.entity.js";
import { transactionSnapshot } from "../transactions/transaction.events.js";
import type { StoredTransaction, TransactionWriter } from "../transactions/transaction.writer.js";
import type { TransactionEventPublisher } from "../transactions/transaction-events.publisher.js";
import { payeeKey } from "../transactions/transaction-fields.js";
import { duplicateRows } from "./duplicates.js";
import { ImportBatchEntity, ImportFileEntity } from "./import-batch.entity.js";
import { type CategoryNames, categoryNames, rowFields } from "./import-categories.js";
import {
  type CsvMappingInput,
  type ImportItem,
  openStatement,
  type ParsedRow,
  type RowError,
  validateCsvMapping,
} from "./parsing/index.js";

export const IMPORT_JOB = "ledger.import";

/** File rows read per step (one database transaction): bounded memory and lock time, whatever the file's size. */
export const IMPORT_CHUNK = 1000;
export const MAX_STORED_ERRORS = 1000;
/** A statement larger than this is a mistake (or an attack): refused whole, before any row is written. */
export const MAX_IMPORT_ROWS = 100_000;
/** File rows counted per step before the import starts: parsing is CPU work on the main thread. */
export const COUNT_CHUNK = 10_000;
/**
 * Rows parsed, built or written between two turns of the event loop. A step is one transaction of
 * IMPORT_CHUNK rows, but its CPU work (parsing, rules, building the insert) runs on the main thread
 * beside the gateway and every subgraph: slices keep each stretch short enough that a request or a
 * health check never waits behind an import (the embedded default's 100 ms promise).
 */
export const SLICE = 200;

export interface ImportJobPayload {
  batchId: string;
  /** As the client sent it (validated when the import was accepted). */
  mapping: CsvMappingInput | null;
  /** QIF's date layout, as the client sent it. */
  dateFormat?: string | null;
  /** The request's trace id, carried by every event the import writes. */
  traceId: string;
}

/**
 * Where the job is: `counted` while still counting the file's rows (items seen so far), then
 * `items`, the file items (rows, good or bad) imported so far in the parse's deterministic order.
 */
export interface ImportCursor {
  items: number;
  counted?: number;
}

export interface ImportJobDeps {
  clock: Clock;
  ids: IdGenerator;
  outbox: Outbox;
  writer: TransactionWriter;
  events: TransactionEventPublisher;
}

type Items = AsyncIterator<ImportItem> | Iterator<ImportItem>;

/**
 * The import's background work. Step 1 marks the batch RUNNING; the next steps count the file's
 * rows (COUNT_CHUNK a step; a file over MAX_IMPORT_ROWS fails before any row is written) and set
 * totalRows; each next step reads up to IMPORT_CHUNK rows, drops duplicates, applies rules and writes them with
 * the batch's counters, errors and the job's cursor in one transaction; the last marks it
 * COMPLETED and drops the stored file. Every step also writes `ImportUpdated` to the outbox. A run
 * resumed elsewhere re-parses the file and skips the rows its cursor says are done: the parse is
 * deterministic, and duplicates are never matched against this batch's own rows, so the result is
 * the same as an uninterrupted run.
 */
export function importJobHandler(deps: ImportJobDeps): JobHandler<ImportJobPayload, ImportCursor> {
  return {
    kind: IMPORT_JOB,
    open: (job) => new ImportRun(deps, job),
    failed: async (manager, job, message) => {
      const batch = await manager.findOneBy(ImportBatchEntity, { id: job.payload.batchId });
      if (!batch) return;
      batch.status = "FAILED";
      batch.failed++;
      if (batch.errors.length < MAX_STORED_ERRORS) batch.errors = [...batch.errors, { row: batch.rowsDone, code: "BAD_ROW", message }];
      batch.finishedAt = deps.clock.now();
      await manager.save(batch);
      await manager.delete(ImportFileEntity, { batchId: batch.id });
      await announce(deps, manager, batch, job.payload.traceId);
    },
  };
}

interface RunState {
  account: AccountEntity;
  items: Items;
  categorize: Parameters<TransactionWriter["buildEntry"]>[3];
  /** The same bank id twice in one file is one transaction: ids of every row read so far. */
  seenBankIds: Set<string>;
  /** The user's categories by name, for files that name categories (QIF); loaded on first use. */
  categories?: CategoryNames;
}

class ImportRun implements JobExecution<ImportCursor> {
  private cursor: ImportCursor | null;
  private state?: RunState;
  private counting?: Items;
  private bytes?: Uint8Array;

  constructor(
    private readonly deps: ImportJobDeps,
    private readonly job: JobRecord<ImportJobPayload, ImportCursor>,
  ) {
    this.cursor = job.cursor;
  }

  async step(manager: EntityManager): Promise<JobStepResult<ImportCursor>> {
    const batch = await manager.findOneByOrFail(ImportBatchEntity, { id: this.job.payload.batchId });
    if (this.cursor === null) return this.begin(manager, batch);
    if (this.cursor.counted !== undefined) return this.count(manager, batch, this.cursor.counted);
    const state = this.state ?? (await this.resume(manager, batch, this.cursor.items));
    this.state = state;
    let items = this.cursor.items;
    const errors: RowError[] = [];
    const fail = (error: RowError) => {
      batch.failed++;
      if (batch.errors.length + errors.length < MAX_STORED_ERRORS) errors.push(error);
    };
    const rows: ParsedRow[] = [];
    let finished = false;
    while (items - this.cursor.items < IMPORT_CHUNK) {
      const next = await state.items.next();
      if (next.done) {
        finished = true;
        break;
      }
      items++;
      if (items % SLICE === 0) await nextTurn();
      const item = next.value;
      if (!item.ok) {
        fail(item.error);
        continue;
      }
      const bankId = item.value.bankTransactionId;
      if (bankId !== null) {
        if (state.seenBankIds.has(bankId)) {
          batch.duplicates++;
          continue;
        }
        state.seenBankIds.add(bankId);
      }
      rows.push(item.value);
    }
    await this.write(manager, batch, state, rows, fail);
    batch.rowsDone = items;
    batch.errors = [...batch.errors, ...errors];
    if (finished) {
      batch.status = "COMPLETED";
      batch.finishedAt = this.deps.clock.now();
      await manager.delete(ImportFileEntity, { batchId: batch.id });
    }
    await manager.save(batch);
    await announce(this.deps, manager, batch, this.job.payload.traceId);
    this.cursor = { items };
    return { cursor: this.cursor, progress: { rowsDone: items, totalRows: batch.totalRows }, done: finished };
  }

  /** Step 1: RUNNING, so clients see the import has started. */
  private async begin(manager: EntityManager, batch: ImportBatchEntity): Promise<JobStepResult<ImportCursor>> {
    batch.status = "RUNNING";
    batch.startedAt = this.deps.clock.now();
    await manager.save(batch);
    await announce(this.deps, manager, batch, this.job.payload.traceId);
    this.cursor = { items: 0, counted: 0 };
    return { cursor: this.cursor, progress: { rowsDone: 0, totalRows: null }, done: false };
  }

  /** Counting steps: totalRows is known before the first row is written, so progress reads "n of total". */
  private async count(manager: EntityManager, batch: ImportBatchEntity, counted: number): Promise<JobStepResult<ImportCursor>> {
    if (!this.counting) {
      const account = await manager.findOneByOrFail(AccountEntity, { id: batch.accountId, userId: batch.userId });
      this.counting = await this.parse(manager, account, batch);
      for (let skipped = 0; skipped < counted && !(await this.counting.next()).done; skipped++) if (skipped % SLICE === 0) await nextTurn();
    }
    let total = counted;
    for (;;) {
      if (total - counted >= COUNT_CHUNK) {
        this.cursor = { items: 0, counted: total };
        return { cursor: this.cursor, progress: { rowsDone: 0, totalRows: null }, done: false };
      }
      if ((await this.counting.next()).done) break;
      if (total % SLICE === 0) await nextTurn();
      if (++total > MAX_IMPORT_ROWS)
        throw badInput(`an import holds at most ${MAX_IMPORT_ROWS} rows; split the file`, { field: "content" });
    }
    this.counting = undefined;
    batch.totalRows = total;
    await manager.save(batch);
    await announce(this.deps, manager, batch, this.job.payload.traceId);
    this.cursor = { items: 0 };
    return { cursor: this.cursor, progress: { rowsDone: 0, totalRows: total }, done: false };
  }

  /** Positions a fresh parse after the rows already done (this run's first chunk, or a resume). */
  private async resume(manager: EntityManager, batch: ImportBatchEntity, done: number): Promise<RunState> {
    const account = await manager.findOneByOrFail(AccountEntity, { id: batch.accountId, userId: batch.userId });
    const items = await this.parse(manager, account, batch);
    const seenBankIds = new Set<string>();
    for (let skipped = 0; skipped < done; skipped++) {
      if (skipped % SLICE === 0) await nextTurn();
      const next = await items.next();
      if (next.done) break;
      if (next.value.ok && next.value.value.bankTransactionId !== null) seenBankIds.add(next.value.value.bankTransactionId);
    }
    const categorize = await this.deps.writer.categorizerFor(manager, batch.userId);
    return { account, items, categorize, seenBankIds };
  }

  private async parse(manager: EntityManager, account: AccountEntity, batch: ImportBatchEntity): Promise<Items> {
    if (!this.bytes) {
      const file = await manager.findOneByOrFail(ImportFileEntity, { batchId: this.job.payload.batchId });
      this.bytes = file.bytes ?? Buffer.from(file.content ?? "", "utf8");
    }
    const { mapping, dateFormat } = this.job.payload;
    // Every parser is a generator, i.e. an iterator over the file's items in file order.
    return openStatement(this.bytes, batch.format, account.currency, { mapping: mapping ? validateCsvMapping(mapping) : null, dateFormat })
      .items;
  }

  /**
   * The chunk's rows, duplicates dropped and rules applied, in three statements whatever the
   * chunk's size: one duplicate lookup, one insert (transactions and postings), one outbox insert
   * (base amounts read with it). Building the rows yields the event loop every SLICE rows.
   */
  private async write(
    manager: EntityManager,
    batch: ImportBatchEntity,
    state: RunState,
    rows: ParsedRow[],
    fail: (error: RowError) => void,
  ): Promise<void> {
    if (rows.length === 0) return;
    const { account } = state;
    const keyed = rows.map((row) => ({ row, key: payeeKey(row.payee) }));
    if (rows.some((row) => row.category || row.splits)) state.categories ??= await categoryNames(manager, batch.userId);
    const duplicates = await duplicateRows(manager, account.id, batch.id, keyed);
    const entries: StoredTransaction[] = [];
    for (let i = 0; i < keyed.length; i++) {
      if (i > 0 && i % SLICE === 0) await nextTurn();
      const { row } = keyed[i]!;
      if (duplicates.has(row.row)) {
        batch.duplicates++;
        continue;
      }
      try {
        entries.push(
          this.deps.writer.buildEntry(
            account,
            this.deps.ids.next(),
            {
              accountId: account.id,
              amount: { amountMinor: row.amountMinor, currency: account.currency },
              date: row.date,
              payee: row.payee,
              notes: row.memo,
              ...rowFields(row, account.currency, state.categories),
            },
            state.categorize,
            { source: "IMPORT", importBatchId: batch.id, bankTransactionId: row.bankTransactionId },
          ),
        );
      } catch (error) {
        if (!isClientError(error)) throw error;
        fail({ row: row.row, code: "BAD_ROW", message: error.message });
      }
    }
    await this.deps.writer.insertEntries(manager, entries);
    await nextTurn();
    await this.deps.events.emitMany(
      manager,
      this.job.payload.traceId,
      batch.userId,
      entries.map((e) => ({ type: TRANSACTION_POSTED, data: transactionSnapshot(e.transaction, e.legs) })),
    );
    batch.imported += entries.length;
  }

  async close(): Promise<void> {
    await this.state?.items.return?.(undefined);
    await this.counting?.return?.(undefined);
  }
}

async function announce(deps: ImportJobDeps, manager: EntityManager, batch: ImportBatchEntity, traceId: string): Promise<void> {
  const data: ImportUpdatedV1 = { importId: batch.id, userId: batch.userId };
  await deps.outbox.add(manager, traceId, [{ topic: LEDGER_IMPORT_TOPIC, type: IMPORT_UPDATED, key: batch.userId, data }]);
}
