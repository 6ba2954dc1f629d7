import { createHash } from "node:crypto";

import { type EntityManager, QueryFailedError } from "typeorm";

/** The subset of a pg client (and of the PGlite driver's client) a named statement needs. */
interface NamedStatementClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** Statement text → its name; texts come from code, so the set is small and fixed. */
const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `moneta_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * `manager.query(text, params)` as a named prepared statement, for the statements every write or
 * event runs (a post's read and write, the inbox, outbox and relay, consumers' batch statements).
 * An unnamed statement is parsed and planned on every call: measured on a postTransaction,
 * PostgreSQL spent 1.2 ms of its 2 ms in parse and bind, more than in executing. Named, it is
 * parsed once per pooled connection, and after five runs PostgreSQL keeps a generic plan, so a call
 * is bind and execute only. The name is derived from the text, so two call sites with the same SQL
 * share one statement and a changed text is a new one.
 *
 * Only for statements whose text the code fixes (the data goes in parameters: arrays, JSON): each
 * distinct text is a statement kept on every pooled connection for as long as it lives.
 *
 * Runs inside the manager's transaction when it has one. Counted by the statement logger and
 * failing with QueryFailedError, as manager.query. Returns the rows (no `[rows, count]` pair for
 * UPDATE/DELETE). The embedded PGlite driver takes the same config and ignores the name.
 */
export async function queryPrepared<T>(manager: EntityManager, text: string, params: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  const ownRunner = runner !== manager.queryRunner;
  try {
    const client = (await runner.connect()) as NamedStatementClient;
    manager.connection.logger.logQuery(text, params, runner);
    const started = Date.now();
    try {
      const result = await client.query({ name: nameOf(text), text, values: params });
      const elapsed = Date.now() - started;
      const slowAfter = manager.connection.options.maxQueryExecutionTime;
      if (slowAfter && elapsed > slowAfter) manager.connection.logger.logQuerySlow(elapsed, text, params, runner);
      return result.rows as T[];
    } catch (error) {
      manager.connection.logger.logQueryError(error as Error, text, params, runner);
      throw new QueryFailedError(text, params, error as Error);
    }
  } finally {
    if (ownRunner) await runner.release();
  }
}
