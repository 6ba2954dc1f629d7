import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";

import { describe, expect, it } from "vitest";

import { FileSystemStorage } from "./fs-storage.js";
import { describeFileStorageContract } from "./storage.contract.js";

describeFileStorageContract("file system", async () => {
  const root = await mkdtemp(join(tmpdir(), "moneta-files-"));
  return { open: async () => new FileSystemStorage(root), dispose: () => rm(root, { recursive: true, force: true }) };
});

describe("FileSystemStorage", () => {
  it("writes under its root only, and leaves no temporary behind when a stream fails", async () => {
    const root = await mkdtemp(join(tmpdir(), "moneta-files-"));
    const outside = join(root, "..", `${root.split("/").at(-1)}-sibling`);
    const storage = new FileSystemStorage(join(root, "store"));
    await expect(storage.put(`../${outside.split("/").at(-1)}/x`, Buffer.from("x"))).rejects.toThrow(/invalid storage key/);
    const failing = new Readable({
      read() {
        this.destroy(new Error("nope"));
      },
    });
    await expect(storage.put("r/u/f.pdf", failing)).rejects.toThrow("nope");
    expect(await readdir(join(root, "store", "r", "u"))).toEqual([]);
    await rm(root, { recursive: true, force: true });
  });
});
