import { randomUUID } from "node:crypto";

import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, it } from "vitest";

import { S3Storage } from "./s3-storage.js";
import { describeFileStorageContract } from "./storage.contract.js";

/**
 * Runs only against a reachable S3-compatible server: `S3_TEST_ENDPOINT` (e.g. MinIO at
 * http://127.0.0.1:9000) with `S3_TEST_ACCESS_KEY_ID` / `S3_TEST_SECRET_ACCESS_KEY` and optionally
 * `S3_TEST_BUCKET` (created when missing). Every run writes under a fresh prefix.
 */
const endpoint = process.env.S3_TEST_ENDPOINT;

if (endpoint) {
  const bucket = process.env.S3_TEST_BUCKET ?? "moneta-test";
  const credentials = {
    accessKeyId: process.env.S3_TEST_ACCESS_KEY_ID ?? "minioadmin",
    secretAccessKey: process.env.S3_TEST_SECRET_ACCESS_KEY ?? "minioadmin",
  };
  describeFileStorageContract("S3", async () => {
    const admin = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials });
    await admin.send(new CreateBucketCommand({ Bucket: bucket })).catch(() => undefined);
    admin.destroy();
    const storage = new S3Storage({ bucket, endpoint, region: "us-east-1", forcePathStyle: true, credentials, prefix: randomUUID() });
    return { open: async () => storage, dispose: async () => storage.close() };
  });
} else {
  describe("FileStorage contract: S3", () => {
    it.skip("needs S3_TEST_ENDPOINT (an S3-compatible server such as MinIO)", () => undefined);
  });
}
