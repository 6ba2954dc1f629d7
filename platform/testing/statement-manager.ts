import type { EntityManager } from "typeorm";

/**
 * A stand-in EntityManager for unit tests that answer SQL themselves: `answer` receives every
 * statement, whether the code under test runs it with `manager.query` or as a named statement with
 * `queryPrepared` (which goes through the query runner's connection), so a test pins the statements
 * and not how they are sent.
 */
export function statementManager(
  answer: (sql: string, params: unknown[]) => Promise<unknown[] | void>,
  options: { isTransactionActive?: boolean } = {},
): EntityManager {
  const rows = async (sql: string, params: unknown[]) => (await answer(sql, params)) ?? [];
  const silent = () => undefined;
  const connection = { logger: { logQuery: silent, logQuerySlow: silent, logQueryError: silent }, options: {} };
  const queryRunner = {
    isTransactionActive: options.isTransactionActive ?? true,
    connect: async () => ({
      query: async (config: { text: string; values: unknown[] }) => ({ rows: await rows(config.text, config.values) }),
    }),
  };
  return { query: rows, queryRunner, connection } as unknown as EntityManager;
}
