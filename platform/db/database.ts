import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { DataSource, type MixedList } from "typeorm";
import { PlatformDeletedUsers1763769600001 } from "../events/deleted-users.migration.js";
import { PlatformEventTables1763769600000 } from "../events/event-tables.migration.js";
import { PlatformJobs1763769600002 } from "../jobs/jobs.migration.js";
import { PlatformIdempotencyKeys1796526000000 } from "../idempotency/idempotency-keys.migration.js";
import { createPgliteDriver } from "./pglite/index.js";
import { StatementLogger } from "./statement-logger.js";
import { PgliteNotifier, PostgresNotifier, type Notifier } from "./notifier.js";

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
    migrations: [PlatformEventTables1763769600000, PlatformDeletedUsers1763769600001, PlatformJobs1763769600002, ...(storage.migrations as Function[]), PlatformIdempotencyKeys1796526000000],
    migrationsTableName: "migrations",
    // Schema changes only ever come from committed migrations.
    synchronize: false,
    migrationsRun: false,
    logger: new StatementLogger(),
    maxQueryExecutionTime: 1_000,
  };
}

/** Real PostgreSQL: a pool per subgraph, LISTEN on a dedicated connection. */
export class PostgresDatabaseProvider implements DatabaseProvider {
  readonly kind = "postgres" as const;
  private readonly opened: OpenedDatabase[] = [];

  constructor(private readonly defaultUrl?: string) {}

  async open(schema: string, storage: SubgraphStorage, url = this.defaultUrl): Promise<OpenedDatabase> {
    if (!url) throw new Error(`no database URL for subgraph ${schema}`);
    const dataSource = new DataSource({
      ...baseOptions(schema, storage),
      url,
      applicationName: `moneta-${schema}`,
      extra: { max: 10, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 },
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
 * under `dataDir` or in memory. One instance is far cheaper than one per subgraph.
 */
export class PgliteDatabaseProvider implements DatabaseProvider {
  readonly kind = "pglite" as const;
  private readonly opened: DataSource[] = [];
  /** Subgraphs given their own DATABASE_URL_<NAME> still use a real server. */
  private readonly postgres = new PostgresDatabaseProvider();

  private constructor(readonly db: PGlite) {}

  static async create(dataDir?: string): Promise<PgliteDatabaseProvider> {
    const db = new PGlite({ dataDir, extensions: { pg_trgm } });
    await db.waitReady;
    return new PgliteDatabaseProvider(db);
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
