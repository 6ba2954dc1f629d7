/**
 * Persisted operations: trusted documents from the codegen manifest (`documentId`, GET or POST),
 * the safelist for safelist-only API keys, and automatic persisted queries in the shared store.
 */
export { APQ_TTL_SECONDS, type ApqCache, apqOptions, KeyValueStoreApqCache } from "./apq-cache.js";
export { preparePersistedRequest, resolveDocumentId } from "./document-id.js";
export {
  apqHashMismatchError,
  badDocumentRequestError,
  documentNotFoundError,
  PersistedErrorCode,
  persistedQueryRequiredError,
} from "./errors.js";
export {
  DEFAULT_PERSISTED_DOCUMENTS_PATH,
  loadPersistedDocuments,
  PERSISTED_DOCUMENTS_ENV,
  PersistedDocuments,
} from "./persisted-documents.js";
export { persistedOperationsPlugin, safelistRefusal, warmUpPersistedDocuments } from "./persisted-operations.plugin.js";
