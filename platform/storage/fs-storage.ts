import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type { FileStorage } from "./file-storage.js";
import { checkedStorageKey } from "./storage-key.js";

/**
 * Files under one root directory. A put writes a temporary file beside the target and renames it
 * into place, so a reader never sees half a file and a failed stream leaves only a removed
 * temporary. Instances sharing the root (the gateway reading what insights wrote) need a shared
 * file system; several hosts need the object-store adapter instead.
 */
export class FileSystemStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The key's path, checked twice: safe segments, and still inside the root once resolved. */
  private path(key: string): string {
    const path = resolve(join(this.root, checkedStorageKey(key)));
    if (!path.startsWith(this.root + sep)) throw new Error("storage key escapes the root");
    return path;
  }

  async put(key: string, data: Buffer | Readable): Promise<{ size: number }> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomBytes(6).toString("hex")}.part`;
    try {
      await pipeline(Buffer.isBuffer(data) ? Readable.from([data]) : data, createWriteStream(temporary, { flags: "wx" }));
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { size: (await stat(path)).size };
  }

  async get(key: string): Promise<Readable | null> {
    const path = this.path(key);
    // Opened before returning, so a missing file is null here rather than an error mid-response.
    const stream = createReadStream(path);
    return new Promise((resolveOpen, reject) => {
      const failed = (error: NodeJS.ErrnoException) =>
        error.code === "ENOENT" || error.code === "EISDIR" ? resolveOpen(null) : reject(error);
      stream.once("error", failed);
      stream.once("open", () => {
        stream.off("error", failed);
        resolveOpen(stream);
      });
    });
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
