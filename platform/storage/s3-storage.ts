import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";

import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";

import type { FileStorage } from "./file-storage.js";
import { checkedStorageKey } from "./storage-key.js";

export interface S3StorageOptions {
  bucket: string;
  /** An S3-compatible endpoint (MinIO, R2, ...); AWS's own when absent. */
  endpoint?: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** `bucket.host/key` (AWS) or `host/bucket/key` (most self-hosted servers). */
  forcePathStyle?: boolean;
  /** Keys go under this folder of the bucket (tests share one bucket). */
  prefix?: string;
}

/**
 * Files as objects of one bucket. A PutObject replaces the object whole or not at all, so readers
 * never see part of a file; a stream is read to its end before the put (files here are reports and
 * receipts, 10 MB at most), so one that fails midway sends nothing and the earlier object stays.
 */
export class S3Storage implements FileStorage {
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    const config: S3ClientConfig = {
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
    };
    this.client = new S3Client(config);
  }

  private key(key: string): string {
    const checked = checkedStorageKey(key);
    return this.options.prefix ? `${this.options.prefix}/${checked}` : checked;
  }

  async put(key: string, data: Buffer | Readable): Promise<{ size: number }> {
    const objectKey = this.key(key);
    const body = Buffer.isBuffer(data) ? data : await buffer(data);
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: objectKey, Body: body, ContentLength: body.length }));
    return { size: body.length };
  }

  async get(key: string): Promise<Readable | null> {
    const objectKey = this.key(key);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: objectKey }));
      if (!response.Body) return null;
      return response.Body instanceof Readable ? response.Body : Readable.from(await response.Body.transformToByteArray());
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers a delete of a missing object with success, as the contract asks.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
  }

  close(): void {
    this.client.destroy();
  }
}
