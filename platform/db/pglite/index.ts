// TypeORM on embedded PGlite, which runs in a worker thread (`PgliteProxy.start()`): pass
// `createPgliteDriver(db)` as the `driver` of a postgres DataSource.
// Use `withPgliteSession` for any direct PGlite access while DataSources are live, so it queues
// on the same session lock instead of landing inside someone else's transaction.
export {
  createPgliteDriver,
  withPgliteSession,
  PglitePool,
  PgliteClient,
  type PgliteDriver,
  type PgliteDriverOptions,
  type PglitePoolConfig,
  type PgliteQueryConfig,
  type PgliteQueryResult,
  type PgliteField,
  type TypeParser,
  type TypeParserSource,
} from "./pglite-driver.js";
export { PgliteProxy, type PgliteProxyOptions, type PgliteNotice, type PgliteStatementOptions } from "./pglite-proxy.js";
export type { RawResult } from "./pglite-protocol.js";
