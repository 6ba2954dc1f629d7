import type { DataSource, EntityManager } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import type { IdempotencyKeys } from "../../../platform/idempotency/index.js";
import type { JobQueue } from "../../../platform/jobs/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import type { AccountService } from "../accounts/account.service.js";
import { IMPORT_JOB, type ImportJobPayload } from "./import.job.js";
import { ImportBatchEntity, ImportFileEntity, type ImportFormat } from "./import-batch.entity.js";
import { type CsvMappingInput, openStatement, validateCsvMapping } from "./parsing/index.js";

export interface ImportRequest {
  accountId: string;
  /** Detected from the content when absent. */
  format?: ImportFormat | null;
  /** The file as text (sent as UTF-8); or give contentBase64. */
  content?: string | null;
  /** The file's bytes as uploaded, base64: what a UTF-16 or Windows-1252 file needs to arrive intact. */
  contentBase64?: string | null;
  mapping?: CsvMappingInput | null;
  /** QIF's date layout. */
  dateFormat?: string | null;
  idempotencyKey?: string | null;
}

const FORMATS: readonly ImportFormat[] = ["CSV", "OFX", "QIF", "CAMT053"];

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
    const format = input.format ?? null;
    if (format !== null && !FORMATS.includes(format)) throw badInput(`format must be one of ${FORMATS.join(", ")}`, { field: "format" });
    const bytes = fileBytes(input);
    const mapping = input.mapping ? validateCsvMapping(input.mapping) : null;
    const batchId = this.ids.next();
    return this.dataSource.transaction(async (manager) => {
      const replayOf = await this.idempotency.claim(manager, userId, idempotencyKey, "importTransactions", input, batchId);
      if (replayOf) return this.idempotency.replayed(manager, ImportBatchEntity, userId, replayOf);
      // The latest possible date passes the opening-date check here; each row's own date is checked as it is built.
      const account = await this.accounts.usable(manager, userId, input.accountId, "2100-12-31");
      // Decoding, detecting the format and reading the first row refuse now what the job would
      // only find later: an unknown format, a malformed OFX/CAMT/QIF file, a CSV mapping naming a
      // column the header lacks, a statement in another currency than the account.
      const statement = openStatement(bytes, format, account.currency, { mapping, dateFormat: input.dateFormat });
      try {
        await statement.items.next();
      } finally {
        await statement.items.return?.(undefined);
      }
      if (statement.currency && statement.currency !== account.currency) {
        throw badInput(`the statement is in ${statement.currency}, the account in ${account.currency}`, { field: "content" });
      }
      const now = this.clock.now();
      const batch: ImportBatchEntity = Object.assign(new ImportBatchEntity(), {
        id: batchId,
        userId,
        accountId: account.id,
        format: statement.format,
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
      await manager.insert(ImportFileEntity, { batchId, userId, bytes: Buffer.from(bytes), content: null, createdAt: now });
      const payload: ImportJobPayload = { batchId, mapping: input.mapping ?? null, dateFormat: input.dateFormat ?? null, traceId };
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

/** Exactly one of `content` (text) and `contentBase64` (bytes). */
function fileBytes(input: Pick<ImportRequest, "content" | "contentBase64">): Uint8Array {
  const { content, contentBase64 } = input;
  if ((content ?? null) === null) {
    if ((contentBase64 ?? null) === null) throw badInput("give the file as content (text) or contentBase64 (bytes)", { field: "content" });
  } else if ((contentBase64 ?? null) !== null) {
    throw badInput("give the file as content or contentBase64, not both", { field: "contentBase64" });
  } else {
    return Buffer.from(content!, "utf8");
  }
  const compact = contentBase64!.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw badInput("contentBase64 is not base64", { field: "contentBase64" });
  }
  return Buffer.from(compact, "base64");
}
