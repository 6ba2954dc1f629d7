import type { Logger } from "pino";
import type { Logger as TypeOrmLogger, QueryRunner } from "typeorm";

import { currentTraceId } from "../logging/trace.js";

/**
 * TypeORM logger that counts every SQL statement a data source runs (tests assert N+1-free
 * access paths with it) and sends failures to the service log. Counting is one increment.
 */
export class StatementLogger implements TypeOrmLogger {
  statements = 0;
  /** Statements per trace id, for the traces a test is watching (none in production). */
  private readonly watched = new Map<string, number>();

  constructor(private readonly logger?: Logger) {}

  logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.count();
  }

  logQueryError(error: string | Error, query: string): void {
    this.count();
    this.logger?.debug({ err: error, query: query.slice(0, 500) }, "SQL statement failed");
  }

  logQuerySlow(time: number, query: string): void {
    this.logger?.warn({ ms: time, query: query.slice(0, 500) }, "slow SQL statement");
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger?.info({ migration: message }, "migration");
  }

  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") this.logger?.warn({ typeorm: message }, "typeorm warning");
  }

  /** Starts counting the statements run while serving requests with this trace id. */
  watch(traceId: string): void {
    this.watched.set(traceId, 0);
  }

  /** Stops counting for the trace; returns how many statements it ran. */
  unwatch(traceId: string): number {
    const counted = this.watched.get(traceId) ?? 0;
    this.watched.delete(traceId);
    return counted;
  }

  private count(): void {
    this.statements++;
    if (this.watched.size === 0) return;
    const traceId = currentTraceId();
    if (traceId !== undefined && this.watched.has(traceId)) this.watched.set(traceId, this.watched.get(traceId)! + 1);
  }
}

/**
 * Statements this data source runs while serving requests traced as `traceId` during `fn` (send the
 * request with that `x-trace-id`). Only that request's own statements count: the relay, consumers
 * and jobs working at the same moment run under other trace ids, so the figure is exact.
 */
export async function countStatements(dataSource: { logger: unknown }, traceId: string, fn: () => Promise<unknown>): Promise<number> {
  const logger = dataSource.logger;
  if (!(logger instanceof StatementLogger)) throw new Error("data source was not opened by the platform");
  logger.watch(traceId);
  try {
    await fn();
  } catch (error) {
    logger.unwatch(traceId);
    throw error;
  }
  return logger.unwatch(traceId);
}
