import type { Readable } from "node:stream";

/**
 * Where generated files (reports) live between being made and being downloaded. Small on purpose:
 * a file-system adapter today, an object store (S3) later, both passing `storage.contract.ts`.
 * Keys are `a-z A-Z 0-9 . _ -` segments joined by `/` (see `checkedStorageKey`); anything else,
 * a traversal such as `../x` included, is refused before the adapter touches anything.
 */
export interface FileStorage {
  /**
   * Stores `data` under `key`, replacing what was there. Readers see the old file or the whole new
   * one, never a part: a stream that fails midway leaves nothing behind. Returns the bytes stored.
   */
  put(key: string, data: Buffer | Readable): Promise<{ size: number }>;
  /** The file as a stream, or null when there is none. */
  get(key: string): Promise<Readable | null>;
  /** Removes the file; a missing file is no error. */
  delete(key: string): Promise<void>;
}
