export { PostgresDatabaseProvider, PgliteDatabaseProvider, type DatabaseProvider, type OpenedDatabase, type SubgraphStorage } from "./database.js";
export { bigintColumn } from "./bigint.transformer.js";
export { PostgresNotifier, PgliteNotifier, type Notifier } from "./notifier.js";
export { ensureDatabase, DatabaseNotCreatableError } from "./create-database.js";
export { StatementLogger, countStatements } from "./statement-logger.js";
export { claimWithinUserCap } from "./user-cap.js";
