import { describe, expect, it } from "vitest";

import { FileSystemStorage } from "./fs-storage.js";
import { S3Storage } from "./s3-storage.js";
import { createFileStorage } from "./storage-factory.js";

describe("createFileStorage", () => {
  it("picks the file system by default and S3 when asked, with its settings checked", () => {
    expect(createFileStorage({})).toBeInstanceOf(FileSystemStorage);
    const s3 = createFileStorage({ FILE_STORAGE: "s3", S3_BUCKET: "b", S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "true" });
    expect(s3).toBeInstanceOf(S3Storage);
    (s3 as S3Storage).close();
    expect(() => createFileStorage({ FILE_STORAGE: "s3" })).toThrow(/S3_BUCKET/);
    expect(() => createFileStorage({ FILE_STORAGE: "s3", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "k" })).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(() => createFileStorage({ FILE_STORAGE: "ftp" })).toThrow(/FILE_STORAGE/);
  });
});
