import type { Logger } from "pino";
import type { Logger as TypeOrmLogger, QueryRunner } from "typeorm";

/**
 * TypeORM logger that counts every SQL statement a data source runs (tests assert N+1-free
 * access paths with it) and sends failures to the service log. Counting is one increment.
 */
export class StatementLogger implements TypeOrmLogger {
  statements = 0;

  constructor(private readonly logger?: Logger) {}

  logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.statements++;
  }

  logQueryError(error: string | Error, query: string): void {
    this.statements++;
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
}

/** Statements run by `fn` on this data source. */
export async function countStatements(dataSource: { logger: unknown }, fn: () => Promise<unknown>): Promise<number> {
  const logger = dataSource.logger;
  if (!(logger instanceof StatementLogger)) throw new Error("data source was not opened by the platform");
  const before = logger.statements;
  await fn();
  return logger.statements - before;
}
