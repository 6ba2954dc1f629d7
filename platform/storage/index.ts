export { FILE_LINK_TTL_SECONDS, type FileGrant, signFileGrant, verifyFileGrant } from "./file-link.js";
export { DEVELOPMENT_FILE_LINK_SECRET, FILE_SETTINGS_ENV, type FileSettings, loadFileSettings } from "./file-settings.js";
export { matchesFileSignature, SIGNATURE_BYTES } from "./file-signature.js";
export type { FileStorage } from "./file-storage.js";
export { FileSystemStorage } from "./fs-storage.js";
export { S3Storage, type S3StorageOptions } from "./s3-storage.js";
export { createFileStorage } from "./storage-factory.js";
export { checkedStorageKey, InvalidStorageKeyError, MAX_STORAGE_KEY_LENGTH } from "./storage-key.js";
export {
  MAX_UPLOAD_BYTES,
  RECEIPT_CONTENT_TYPES,
  signUploadGrant,
  UPLOAD_LINK_TTL_SECONDS,
  type UploadGrant,
  type UploadGrantCheck,
  verifyUploadGrant,
} from "./upload-grant.js";
