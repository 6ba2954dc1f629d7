import type { DataSource, EntityManager } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import type { IdempotencyKeys } from "../../../platform/idempotency/index.js";
import type { JobQueue } from "../../../platform/jobs/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import type { AccountService } from "../accounts/account.service.js";
import { IMPORT_JOB, type ImportJobPayload } from "./import.job.js";
import { ImportBatchEntity, ImportFileEntity, type ImportFormat } from "./import-batch.entity.js";
import { type CsvMappingInput, parseCsv, parseOfx, validateCsvMapping } from "./parsing/index.js";

export interface ImportRequest {
  accountId: string;
  format: ImportFormat;
  content: string;
  mapping?: CsvMappingInput | null;
  idempotencyKey?: string | null;
}

/**
 * Statement imports, the request side: everything that can be refused is checked here, at once
 * (format, mapping against the file's header, account, an OFX file's header and currency, the
 * idempotency key); then the file is stored and the work queued (import.job.ts). The request never
 * waits for the rows: clients follow the batch (`importBatch`, `importUpdated`).
 */
export class ImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
    private readonly accounts: AccountService,
    private readonly jobs: JobQueue,
  ) {}

  async start(userId: string, request: ImportRequest, traceId: string): Promise<ImportBatchEntity> {
    const { idempotencyKey, ...input } = request;
    if (input.format !== "CSV" && input.format !== "OFX") throw badInput("format must be CSV or OFX", { field: "format" });
    const mapping = input.format === "CSV" ? validateCsvMapping(input.mapping ?? missingMapping()) : null;
    const batchId = this.ids.next();
    return this.dataSource.transaction(async (manager) => {
      const replayOf = await this.idempotency.claim(manager, userId, idempotencyKey, "importTransactions", input, batchId);
      if (replayOf) return this.idempotency.replayed(manager, ImportBatchEntity, userId, replayOf);
      // The latest possible date passes the opening-date check here; each row's own date is checked as it is built.
      const account = await this.accounts.usable(manager, userId, input.accountId, "2100-12-31");
      if (mapping) {
        // Reading the first row resolves the mapped columns against the header: a column the file
        // lacks is refused now, not found by the job later.
        const rows = parseCsv(input.content, mapping, account.currency);
        try {
          await rows.next();
        } finally {
          await rows.return(undefined);
        }
      } else {
        // A file that is not OFX, or is in another currency than the account, is refused whole.
        const statement = parseOfx(input.content, account.currency);
        if (statement.currency && statement.currency !== account.currency) {
          throw badInput(`the statement is in ${statement.currency}, the account in ${account.currency}`, { field: "content" });
        }
      }
      const now = this.clock.now();
      const batch: ImportBatchEntity = Object.assign(new ImportBatchEntity(), {
        id: batchId,
        userId,
        accountId: account.id,
        format: input.format,
        status: "QUEUED",
        totalRows: 0,
        rowsDone: 0,
        imported: 0,
        duplicates: 0,
        failed: 0,
        errors: [],
        createdAt: now,
        startedAt: null,
        finishedAt: null,
      });
      await manager.insert(ImportBatchEntity, batch);
      await manager.insert(ImportFileEntity, { batchId, userId, content: input.content, createdAt: now });
      const payload: ImportJobPayload = { batchId, mapping: input.mapping ?? null, traceId };
      await this.jobs.enqueue(manager, { kind: IMPORT_JOB, userId, payload });
      return batch;
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
    await manager.delete(ImportFileEntity, { userId });
    await manager.delete(ImportBatchEntity, { userId });
  }
}

function missingMapping(): never {
  throw badInput("a CSV import needs a mapping", { field: "mapping" });
}
