export { bigintColumn } from "./bigint.transformer.js";
export { DatabaseNotCreatableError, ensureDatabase } from "./create-database.js";
export {
  type DatabaseProvider,
  type OpenedDatabase,
  PgliteDatabaseProvider,
  PostgresDatabaseProvider,
  type SubgraphStorage,
} from "./database.js";
export { type Notifier, PgliteNotifier, PostgresNotifier } from "./notifier.js";
export { queryPrepared } from "./prepared.js";
export { countStatements, StatementLogger } from "./statement-logger.js";
export { claimWithinUserCap } from "./user-cap.js";
