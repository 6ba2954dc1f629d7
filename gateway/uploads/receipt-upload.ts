import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

import type { Logger } from "pino";

import type { Caller } from "../../platform/auth/caller.js";
import type { KeyValueStore } from "../../platform/cache/index.js";
import { sendJson } from "../../platform/http/http-server.js";
import {
  type FileStorage,
  matchesFileSignature,
  MAX_UPLOAD_BYTES,
  RECEIPT_CONTENT_TYPES,
  SIGNATURE_BYTES,
  verifyUploadGrant,
} from "../../platform/storage/index.js";

/** Path of the upload route; links are `PUT /uploads?token=<signed grant>`. */
export const UPLOADS_PATH = "/uploads";

export interface ReceiptUploadOptions {
  storage: FileStorage;
  linkSecret: string;
  /** Marks tokens used, shared by every gateway instance (Redis in production). */
  cache: KeyValueStore;
  now: () => Date;
  /** The same credential check as /graphql. */
  authenticate(req: IncomingMessage): Promise<Caller>;
  /**
   * Tells the owner the file is there (the ledger's `completeReceiptUpload`, run as the caller
   * through the gateway's own executor); answers the receipt or the GraphQL errors.
   */
  complete(caller: Caller, receiptId: string): Promise<{ data?: unknown; errors?: readonly unknown[] }>;
  logger: Logger;
}

class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The request body, counted and checked as it streams to storage: past `maxBytes`, empty, or with a
 * head that is not the declared type, the stream fails and storage keeps nothing.
 */
async function* checkedBody(req: AsyncIterable<Buffer>, contentType: string, maxBytes: number): AsyncGenerator<Buffer> {
  let seen = 0;
  let head = Buffer.alloc(0);
  const wrongType = () => new UploadRefused(415, "UNSUPPORTED_MEDIA_TYPE", `the file's content is not ${contentType}`);
  for await (const chunk of req) {
    seen += chunk.length;
    if (seen > maxBytes) throw new UploadRefused(413, "PAYLOAD_TOO_LARGE", `the file is larger than the declared ${maxBytes} bytes`);
    if (head.length < SIGNATURE_BYTES) {
      head = Buffer.concat([head, chunk]).subarray(0, SIGNATURE_BYTES);
      if (head.length === SIGNATURE_BYTES && !matchesFileSignature(contentType, head)) throw wrongType();
    }
    yield chunk;
  }
  if (seen === 0) throw new UploadRefused(400, "BAD_REQUEST", "the body is empty");
  if (head.length < SIGNATURE_BYTES && !matchesFileSignature(contentType, head)) throw wrongType();
}

const refuse = (res: ServerResponse, error: UploadRefused) => {
  // The body may be unread: the connection cannot carry another request.
  res.setHeader("connection", "close");
  sendJson(res, error.status, { error: { code: error.code, message: error.message } });
};

/**
 * `PUT /uploads?token=` with the file as the body. The token (signed by the ledger in
 * `createReceiptUpload`) names the user, the receipt, the type and the largest size; the request
 * must also carry that user's credentials, the declared Content-Type, and a body that is that
 * type (magic bytes) and no larger. The file goes to the key the token names, then the route runs
 * `completeReceiptUpload` as the caller, so the receipt moves on without a second client call. A
 * token serves one upload: claimed before the body is read, released again if the upload is refused
 * or fails, so a client can retry a refused upload with the same link but never replace a stored one.
 */
export function receiptUploadRoute(options: ReceiptUploadOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "PUT") {
      res.setHeader("allow", "PUT");
      return refuse(res, new UploadRefused(405, "METHOD_NOT_ALLOWED", "uploads are PUT"));
    }
    const token = new URL(req.url ?? "/", "http://localhost").searchParams.get("token") ?? "";
    const check = verifyUploadGrant(token, options.linkSecret, options.now());
    if (!check.ok)
      return refuse(
        res,
        check.reason === "expired"
          ? new UploadRefused(410, "UPLOAD_TOKEN_EXPIRED", "the upload link has expired; ask for a new one")
          : new UploadRefused(403, "UPLOAD_TOKEN_INVALID", "the upload link is not valid"),
      );
    const { grant } = check;
    let caller: Caller;
    try {
      caller = await options.authenticate(req);
    } catch {
      return refuse(res, new UploadRefused(401, "UNAUTHENTICATED", "authentication required"));
    }
    if (caller.userId !== grant.userId)
      return refuse(res, new UploadRefused(403, "UPLOAD_TOKEN_INVALID", "the upload link belongs to another user"));
    const contentType = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    if (contentType !== grant.contentType || !(RECEIPT_CONTENT_TYPES as readonly string[]).includes(contentType))
      return refuse(res, new UploadRefused(415, "UNSUPPORTED_MEDIA_TYPE", `Content-Type must be ${grant.contentType}, as declared`));
    const maxBytes = Math.min(grant.maxBytes, MAX_UPLOAD_BYTES);
    const declaredLength = Number(req.headers["content-length"] ?? "0");
    if (declaredLength > maxBytes)
      return refuse(res, new UploadRefused(413, "PAYLOAD_TOO_LARGE", `the file is larger than the declared ${maxBytes} bytes`));

    const usedKey = `upload-used:${grant.targetId}`;
    const ttlMs = Math.max(1, grant.expiresAt * 1000 - options.now().getTime());
    if (!(await options.cache.set(usedKey, "1", { onlyIfAbsent: true, ttlMs })))
      return refuse(res, new UploadRefused(403, "UPLOAD_TOKEN_USED", "the upload link has been used; ask for a new one"));
    try {
      await options.storage.put(grant.key, Readable.from(checkedBody(req, contentType, maxBytes)));
    } catch (error) {
      await options.cache.delete(usedKey);
      if (error instanceof UploadRefused) return refuse(res, error);
      throw error;
    }
    const result = await options.complete(caller, grant.targetId);
    if (result.errors?.length) {
      options.logger.warn({ errors: result.errors, receiptId: grant.targetId }, "a stored upload was not accepted");
      return sendJson(res, 409, {
        error: { code: "UPLOAD_NOT_ACCEPTED", message: "the file was stored but not accepted" },
        errors: result.errors,
      });
    }
    sendJson(res, 201, result.data);
  };
}
