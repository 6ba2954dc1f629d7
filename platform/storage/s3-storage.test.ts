import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

import { S3Storage } from "./s3-storage.js";
import { describeFileStorageContract } from "./storage.contract.js";

/**
 * The S3 adapter passes the same contract as the file system's, against an S3-compatible server:
 * `S3_TEST_ENDPOINT` (MinIO, say, with `S3_TEST_ACCESS_KEY_ID` / `S3_TEST_SECRET_ACCESS_KEY` and
 * optionally `S3_TEST_BUCKET`) when one is given, otherwise s3rver, which speaks the S3 REST API
 * over HTTP from a temporary directory. Every run writes under a fresh prefix.
 */
describeFileStorageContract("S3", async () => {
  let endpoint = process.env.S3_TEST_ENDPOINT;
  let local: { server: S3rver; directory: string } | undefined;
  if (!endpoint) {
    const directory = await mkdtemp(join(tmpdir(), "moneta-s3rver-"));
    const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    local = { server, directory };
  }
  const bucket = process.env.S3_TEST_BUCKET ?? "moneta-test";
  // s3rver accepts these; a real server takes its own from the environment.
  const credentials = {
    accessKeyId: process.env.S3_TEST_ACCESS_KEY_ID ?? "S3RVER",
    secretAccessKey: process.env.S3_TEST_SECRET_ACCESS_KEY ?? "S3RVER",
  };
  const admin = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials });
  await admin.send(new CreateBucketCommand({ Bucket: bucket })).catch(() => undefined);
  admin.destroy();
  const storage = new S3Storage({ bucket, endpoint, region: "us-east-1", forcePathStyle: true, credentials, prefix: randomUUID() });
  return {
    open: async () => storage,
    dispose: async () => {
      await storage.close();
      if (local) {
        await local.server.close();
        await rm(local.directory, { recursive: true, force: true });
      }
    },
  };
});
