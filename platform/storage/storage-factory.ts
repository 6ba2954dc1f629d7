import { ConfigError } from "../config/config-error.js";
import { loadFileSettings } from "./file-settings.js";
import type { FileStorage } from "./file-storage.js";
import { FileSystemStorage } from "./fs-storage.js";
import { S3Storage } from "./s3-storage.js";

/**
 * The one place the storage adapter is chosen, for every reader and writer of files (the gateway,
 * insights' reports, the ledger's receipts): `FILE_STORAGE=fs` (default: `FILE_STORAGE_DIR`,
 * `.moneta/files`) or `FILE_STORAGE=s3` with `S3_BUCKET`, `S3_REGION` (default us-east-1),
 * `S3_ENDPOINT`, `S3_ACCESS_KEY_ID` and `S3_SECRET_ACCESS_KEY` (else the SDK's own credential
 * chain), `S3_FORCE_PATH_STYLE=true` for most self-hosted servers.
 */
export function createFileStorage(env: NodeJS.ProcessEnv = process.env): FileStorage {
  const kind = env.FILE_STORAGE?.trim() || "fs";
  if (kind === "fs") return new FileSystemStorage(loadFileSettings(env).dir);
  if (kind !== "s3") throw new ConfigError("FILE_STORAGE", `"fs" or "s3", not ${JSON.stringify(kind)}`);
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) throw new ConfigError("S3_BUCKET", "required when FILE_STORAGE=s3");
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    throw new ConfigError("S3_SECRET_ACCESS_KEY", "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together");
  return new S3Storage({
    bucket,
    region: env.S3_REGION?.trim() || "us-east-1",
    endpoint: env.S3_ENDPOINT?.trim() || undefined,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE?.trim() === "true",
  });
}
