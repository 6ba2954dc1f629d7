/**
 * Persisted operations: trusted documents from the codegen manifest (`documentId`, GET or POST),
 * the safelist for safelist-only API keys, and automatic persisted queries in the shared store.
 */
export { APQ_TTL_SECONDS, KeyValueStoreApqCache, apqOptions, type ApqCache } from "./apq-cache.js";
export { preparePersistedRequest, resolveDocumentId } from "./document-id.js";
export { PersistedErrorCode, apqHashMismatchError, badDocumentRequestError, documentNotFoundError, persistedQueryRequiredError } from "./errors.js";
export { DEFAULT_PERSISTED_DOCUMENTS_PATH, PERSISTED_DOCUMENTS_ENV, PersistedDocuments, loadPersistedDocuments } from "./persisted-documents.js";
export { persistedOperationsPlugin, safelistRefusal, warmUpPersistedDocuments } from "./persisted-operations.plugin.js";
