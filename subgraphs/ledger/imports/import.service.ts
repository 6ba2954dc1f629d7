import type { DataSource, EntityManager } from "typeorm";
import type { Logger } from "pino";
import { badInput, isClientError } from "../../../platform/errors/index.js";
import { isUuid, type Clock, type IdGenerator } from "../../../platform/time/index.js";
import { TRANSACTION_POSTED } from "../../../schema/events/ledger.js";
import type { AccountEntity } from "../accounts/account.entity.js";
import type { AccountService } from "../accounts/account.service.js";
import type { IdempotencyKeys } from "../idempotency/idempotency-keys.js";
import { payeeKey } from "../transactions/transaction-fields.js";
import { transactionSnapshot } from "../transactions/transaction.events.js";
import type { StoredTransaction, TransactionService } from "../transactions/transaction.service.js";
import { duplicateRows } from "./duplicates.js";
import { ImportBatchEntity, type ImportFormat } from "./import-batch.entity.js";
import { parseCsv, parseOfx, validateCsvMapping, type CsvMappingInput, type ImportItem, type ParsedRow, type RowError } from "./parsing/index.js";

export interface ImportRequest {
  accountId: string;
  format: ImportFormat;
  content: string;
  mapping?: CsvMappingInput | null;
  idempotencyKey?: string | null;
}

/** Rows written per database transaction: bounded memory and lock time, whatever the file's size. */
export const IMPORT_CHUNK = 1000;
export const MAX_STORED_ERRORS = 1000;
/** A statement larger than this is a mistake (or an attack); the rows before it are kept. */
export const MAX_IMPORT_ROWS = 100_000;

/**
 * Statement imports: parse (streaming), drop duplicates, apply rules, write in chunks. A bad row
 * is reported in the batch and never stops the good ones; importing the same file again adds
 * nothing, so a retry after a crash half-way is safe.
 */
export class ImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
    private readonly accounts: AccountService,
    private readonly transactions: TransactionService,
    private readonly logger: Logger,
  ) {}

  async run(userId: string, request: ImportRequest, traceId: string): Promise<ImportBatchEntity> {
    const { idempotencyKey, ...input } = request;
    if (input.format !== "CSV" && input.format !== "OFX") throw badInput("format must be CSV or OFX", { field: "format" });
    const mapping = input.format === "CSV" ? validateCsvMapping(input.mapping ?? missingMapping()) : null;
    const batchId = this.ids.next();
    // An OFX file's header is read before anything is written: a file that is not OFX, or is in
    // another currency than the account, is refused whole.
    let statement: ReturnType<typeof parseOfx> | undefined;
    const started = await this.dataSource.transaction(async (manager) => {
      const replayOf = await this.idempotency.claim(manager, userId, idempotencyKey, "importTransactions", input, batchId);
      if (replayOf) return { replay: await this.idempotency.replayed(manager, ImportBatchEntity, userId, replayOf) };
      // The latest possible date passes the opening-date check here; each row's own date is checked as it is built.
      const account = await this.accounts.usable(manager, userId, input.accountId, "2100-12-31");
      if (input.format === "OFX") {
        statement = parseOfx(input.content, account.currency);
        if (statement.currency && statement.currency !== account.currency) {
          throw badInput(`the statement is in ${statement.currency}, the account in ${account.currency}`, { field: "content" });
        }
      }
      const batch: ImportBatchEntity = Object.assign(new ImportBatchEntity(), {
        id: batchId,
        userId,
        accountId: account.id,
        format: input.format,
        status: "RUNNING",
        totalRows: 0,
        imported: 0,
        duplicates: 0,
        failed: 0,
        errors: [],
        createdAt: this.clock.now(),
        finishedAt: null,
      });
      await manager.insert(ImportBatchEntity, batch);
      return { batch, account };
    });
    if ("replay" in started) return started.replay!;
    const { batch, account } = started;

    const items = mapping ? parseCsv(input.content, mapping, account.currency) : statement!.items;
    const errors: RowError[] = [];
    const fail = (error: RowError) => {
      batch.failed++;
      if (errors.length < MAX_STORED_ERRORS) errors.push(error);
    };
    const seenBankIds = new Set<string>();
    const categorize = await this.transactions.categorizerFor(this.dataSource.manager, userId);
    let chunk: ParsedRow[] = [];
    const flush = async () => {
      const rows = chunk;
      chunk = [];
      await this.writeChunk(batch, account, rows, categorize, fail, traceId);
    };
    try {
      for await (const item of items as AsyncIterable<ImportItem> | Iterable<ImportItem>) {
        if (batch.totalRows >= MAX_IMPORT_ROWS) throw badInput(`an import holds at most ${MAX_IMPORT_ROWS} rows; split the file`, { field: "content" });
        batch.totalRows++;
        if (!item.ok) {
          fail(item.error);
          continue;
        }
        const bankId = item.value.bankTransactionId;
        if (bankId !== null) {
          // The same bank id twice in one file is one transaction.
          if (seenBankIds.has(bankId)) {
            batch.duplicates++;
            continue;
          }
          seenBankIds.add(bankId);
        }
        chunk.push(item.value);
        if (chunk.length >= IMPORT_CHUNK) await flush();
      }
      await flush();
      batch.status = "COMPLETED";
    } catch (error) {
      if (!isClientError(error)) this.logger.error({ err: error, batchId: batch.id }, "import failed");
      batch.status = "FAILED";
      fail({ row: batch.totalRows, code: "BAD_ROW", message: isClientError(error) ? error.message : "the import stopped on an unexpected error; rows before it were kept" });
    }
    batch.errors = errors;
    batch.finishedAt = this.clock.now();
    await this.dataSource.getRepository(ImportBatchEntity).save(batch);
    return batch;
  }

  /** One chunk, one database transaction: duplicates dropped, rules applied, two inserts and one outbox statement. */
  private async writeChunk(
    batch: ImportBatchEntity,
    account: AccountEntity,
    rows: ParsedRow[],
    categorize: Parameters<TransactionService["buildEntry"]>[3],
    fail: (error: RowError) => void,
    traceId: string,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      const keyed = rows.map((row) => ({ row, key: payeeKey(row.payee) }));
      const duplicates = await duplicateRows(manager, account.id, batch.id, keyed);
      const entries: StoredTransaction[] = [];
      for (const { row } of keyed) {
        if (duplicates.has(row.row)) {
          batch.duplicates++;
          continue;
        }
        try {
          entries.push(
            this.transactions.buildEntry(
              account,
              this.ids.next(),
              { accountId: account.id, amount: { amountMinor: row.amountMinor, currency: account.currency }, date: row.date, payee: row.payee, notes: row.memo },
              categorize,
              { importBatchId: batch.id, bankTransactionId: row.bankTransactionId },
            ),
          );
        } catch (error) {
          if (!isClientError(error)) throw error;
          fail({ row: row.row, code: "BAD_ROW", message: error.message });
        }
      }
      await this.transactions.insertEntries(manager, entries);
      await this.transactions.emitMany(manager, traceId, batch.userId, entries.map((e) => ({ type: TRANSACTION_POSTED, data: transactionSnapshot(e.transaction, e.legs) })));
      batch.imported += entries.length;
      await manager.update(ImportBatchEntity, { id: batch.id }, { totalRows: batch.totalRows, imported: batch.imported, duplicates: batch.duplicates, failed: batch.failed });
    });
  }

  list(userId: string, first: number): Promise<ImportBatchEntity[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput("first must be between 1 and 100", { field: "first" });
    return this.dataSource.getRepository(ImportBatchEntity).find({ where: { userId }, order: { createdAt: "DESC" }, take: first });
  }

  async find(userId: string, id: string): Promise<ImportBatchEntity | null> {
    return isUuid(id) ? this.dataSource.getRepository(ImportBatchEntity).findOneBy({ id, userId }) : null;
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(ImportBatchEntity, { userId });
  }
}

function missingMapping(): never {
  throw badInput("a CSV import needs a mapping", { field: "mapping" });
}
