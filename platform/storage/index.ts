export { FILE_LINK_TTL_SECONDS, type FileGrant, signFileGrant, verifyFileGrant } from "./file-link.js";
export { DEVELOPMENT_FILE_LINK_SECRET, FILE_SETTINGS_ENV, type FileSettings, loadFileSettings } from "./file-settings.js";
export type { FileStorage } from "./file-storage.js";
export { FileSystemStorage } from "./fs-storage.js";
export { checkedStorageKey, InvalidStorageKeyError, MAX_STORAGE_KEY_LENGTH } from "./storage-key.js";
