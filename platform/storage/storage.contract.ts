import { Readable } from "node:stream";
import { text } from "node:stream/consumers";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { FileStorage } from "./file-storage.js";

/** What an adapter's test file supplies to {@link describeFileStorageContract}. */
export interface FileStorageContractHarness {
  /** A fresh, empty store. */
  open(): Promise<FileStorage>;
  dispose?(): Promise<void>;
}

/** The behaviour every {@link FileStorage} adapter shares (file system today, an object store later). */
export function describeFileStorageContract(
  name: string,
  factory: () => FileStorageContractHarness | Promise<FileStorageContractHarness>,
): void {
  describe(`FileStorage contract: ${name}`, () => {
    let harness: FileStorageContractHarness;
    let storage: FileStorage;
    const read = async (key: string) => {
      const stream = await storage.get(key);
      return stream === null ? null : text(stream);
    };

    beforeEach(async () => {
      harness = await factory();
      storage = await harness.open();
    });
    afterEach(async () => {
      await harness.dispose?.();
    });

    it("stores a buffer and a stream, returns them whole and reports their size in bytes", async () => {
      expect(await storage.put("reports/u1/a.csv", Buffer.from("Zürich,1\r\n", "utf8"))).toEqual({ size: 11 });
      expect(await read("reports/u1/a.csv")).toBe("Zürich,1\r\n");
      const chunks = Array.from({ length: 100 }, (_, i) => `line ${i}\n`);
      expect((await storage.put("reports/u1/b.txt", Readable.from(chunks))).size).toBe(chunks.join("").length);
      expect(await read("reports/u1/b.txt")).toBe(chunks.join(""));
    });

    it("replaces a file under the same key", async () => {
      await storage.put("k/one", Buffer.from("first"));
      await storage.put("k/one", Buffer.from("second"));
      expect(await read("k/one")).toBe("second");
    });

    it("answers null for a missing file, and deleting one twice is no error", async () => {
      expect(await storage.get("k/missing")).toBeNull();
      await storage.put("k/gone", Buffer.from("x"));
      await storage.delete("k/gone");
      await storage.delete("k/gone");
      expect(await storage.get("k/gone")).toBeNull();
    });

    it("keeps nothing of a stream that fails midway, and the earlier file stays", async () => {
      await storage.put("k/partial", Buffer.from("old"));
      const failing = new Readable({
        read() {
          this.push("half of it");
          this.destroy(new Error("source broke"));
        },
      });
      await expect(storage.put("k/partial", failing)).rejects.toThrow("source broke");
      expect(await read("k/partial")).toBe("old");
    });

    it.each([
      "../escape",
      "a/../../escape",
      "/etc/passwd",
      "a//b",
      "a/",
      ".hidden",
      "a/./b",
      "a\\..\\b",
      "a/b\u0000c",
      "",
      "x".repeat(513),
    ])("refuses the key %j on every operation", async (key) => {
      await expect(storage.put(key, Buffer.from("x"))).rejects.toThrow(/invalid storage key/);
      await expect(storage.get(key)).rejects.toThrow(/invalid storage key/);
      await expect(storage.delete(key)).rejects.toThrow(/invalid storage key/);
    });
  });
}
