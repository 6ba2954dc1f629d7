import { DataSource, type MixedList } from "typeorm";

import { PlatformDeletedUsers1763769600001 } from "../events/deleted-users.migration.js";
import { PlatformEventTables1763769600000 } from "../events/event-tables.migration.js";
import { PlatformIdempotencyKeys1796526000000 } from "../idempotency/idempotency-keys.migration.js";
import { PlatformJobs1763769600002 } from "../jobs/jobs.migration.js";
import { ensureDatabase } from "./create-database.js";
import { type Notifier, PgliteNotifier, PostgresNotifier } from "./notifier.js";
import { createPgliteDriver, PgliteProxy } from "./pglite/index.js";
import { StatementLogger } from "./statement-logger.js";

export interface SubgraphStorage {
  /** Domain entity classes (TypeORM). */
  entities: MixedList<Function>;
  /**
   * Committed migrations. With the platform's own (outbox, inbox, deleted users, idempotency keys)
   * they run in timestamp order, as TypeORM sorts them: list them in that order too.
   */
  migrations: MixedList<Function>;
}

export interface OpenedDatabase {
  dataSource: DataSource;
  notifier: Notifier;
}

/**
 * Where subgraphs keep their data: each subgraph gets its own PostgreSQL schema, named after it,
 * either on a real server (a URL per subgraph) or in the one embedded PGlite instance.
 */
export interface DatabaseProvider {
  readonly kind: "postgres" | "pglite";
  open(schema: string, storage: SubgraphStorage, url?: string): Promise<OpenedDatabase>;
  close(): Promise<void>;
}

async function prepare(dataSource: DataSource, schema: string, serialize: boolean): Promise<void> {
  await dataSource.initialize();
  // Several instances may boot at once against one server: let one create and migrate at a time.
  const runner = dataSource.createQueryRunner();
  try {
    if (serialize) await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [`moneta-migrations:${schema}`]);
    try {
      await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await dataSource.runMigrations({ transaction: "each" });
    } finally {
      if (serialize) await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`moneta-migrations:${schema}`]);
    }
  } finally {
    await runner.release();
  }
}

function baseOptions(schema: string, storage: SubgraphStorage) {
  return {
    type: "postgres" as const,
    schema,
    entities: storage.entities,
    migrations: [
      PlatformEventTables1763769600000,
      PlatformDeletedUsers1763769600001,
      PlatformJobs1763769600002,
      ...(storage.migrations as Function[]),
      PlatformIdempotencyKeys1796526000000,
    ],
    migrationsTableName: "migrations",
    // Schema changes only ever come from committed migrations.
    synchronize: false,
    migrationsRun: false,
    logger: new StatementLogger(),
    maxQueryExecutionTime: 1_000,
  };
}

/**
 * Real PostgreSQL: a pool per subgraph, LISTEN on a dedicated connection. A database the URL
 * names but the server lacks is created first (see ensureDatabase).
 */
export class PostgresDatabaseProvider implements DatabaseProvider {
  readonly kind = "postgres" as const;
  private readonly opened: OpenedDatabase[] = [];
  private readonly ensured = new Map<string, Promise<void>>();

  constructor(
    private readonly defaultUrl?: string,
    private readonly logger?: { info(fields: object, message: string): void },
    /** Connections per subgraph's pool (`DATABASE_POOL_SIZE`). */
    private readonly poolSize = 10,
  ) {}

  async open(schema: string, storage: SubgraphStorage, url = this.defaultUrl): Promise<OpenedDatabase> {
    if (!url) throw new Error(`no database URL for subgraph ${schema}`);
    // Once per URL: several subgraphs usually share one database.
    let ensured = this.ensured.get(url);
    if (!ensured) {
      ensured = ensureDatabase(url, this.logger);
      this.ensured.set(url, ensured);
      ensured.catch(() => this.ensured.delete(url));
    }
    await ensured;
    const dataSource = new DataSource({
      ...baseOptions(schema, storage),
      url,
      applicationName: `moneta-${schema}`,
      extra: { max: this.poolSize, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 },
    });
    await prepare(dataSource, schema, true);
    const opened = { dataSource, notifier: new PostgresNotifier(url) };
    this.opened.push(opened);
    return opened;
  }

  async close(): Promise<void> {
    for (const { dataSource, notifier } of this.opened.splice(0)) {
      await notifier.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  }
}

/**
 * Embedded default: one PGlite (PostgreSQL in WASM) for all subgraphs in this process, on disk
 * under `dataDir` or in memory. One instance is far cheaper than one per subgraph. It runs in a
 * worker thread, so database work never stalls this thread's event loop (HTTP, health checks).
 */
export class PgliteDatabaseProvider implements DatabaseProvider {
  readonly kind = "pglite" as const;
  private readonly opened: DataSource[] = [];
  /** Subgraphs given their own DATABASE_URL_<NAME> still use a real server. */
  private readonly postgres = new PostgresDatabaseProvider();

  private constructor(readonly db: PgliteProxy) {}

  /** `onError` hears once if the database worker dies (its pending statements fail as well). */
  static async create(dataDir?: string, options: { onError?: (error: Error) => void } = {}): Promise<PgliteDatabaseProvider> {
    return new PgliteDatabaseProvider(await PgliteProxy.start({ dataDir, onError: options.onError }));
  }

  async open(schema: string, storage: SubgraphStorage, url?: string): Promise<OpenedDatabase> {
    if (url) return this.postgres.open(schema, storage, url);
    const dataSource = new DataSource({
      ...baseOptions(schema, storage),
      driver: createPgliteDriver(this.db),
      // One session for everything: code that queries outside its own transaction's manager would
      // wait on itself forever; the timeout turns that bug into an error.
      connectTimeoutMS: 15_000,
    });
    await prepare(dataSource, schema, false);
    this.opened.push(dataSource);
    return { dataSource, notifier: new PgliteNotifier(this.db) };
  }

  async close(): Promise<void> {
    await this.postgres.close();
    for (const dataSource of this.opened.splice(0)) if (dataSource.isInitialized) await dataSource.destroy();
    await this.db.close();
  }
}
