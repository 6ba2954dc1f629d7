// TypeORM on embedded PGlite, which runs in a worker thread (`PgliteProxy.start()`): pass
// `createPgliteDriver(db)` as the `driver` of a postgres DataSource.
// Use `withPgliteSession` for any direct PGlite access while DataSources are live, so it queues
// on the same session lock instead of landing inside someone else's transaction.
export { createPgliteDriver, PgliteClient, type PgliteDriver, PglitePool } from "./pglite-driver.js";
export type {
  PgliteDriverOptions,
  PgliteField,
  PglitePoolConfig,
  PgliteQueryConfig,
  PgliteQueryResult,
  TypeParser,
  TypeParserSource,
} from "./pglite-driver.types.js";
export type { RawResult } from "./pglite-protocol.js";
export { type PgliteNotice, PgliteProxy, type PgliteProxyOptions, type PgliteStatementOptions } from "./pglite-proxy.js";
export { withPgliteSession } from "./pglite-session.js";
