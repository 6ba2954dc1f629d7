import { createECDH, type ECDH, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import ece from "http_ece";
import { importJWK, jwtVerify } from "jose";

/** A browser's side of a subscription: its P-256 key pair and auth secret, as PushManager makes them. */
export interface TestBrowser {
  ecdh: ECDH;
  keys: { p256dh: string; auth: string };
}

export function testBrowser(): TestBrowser {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { ecdh, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") } };
}

export interface ReceivedPush {
  path: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

/**
 * A push service on 127.0.0.1 for tests: records each request and answers with the status the
 * test chose for its path (201 by default).
 */
export interface TestPushService {
  url: string;
  received: ReceivedPush[];
  answer(path: string, status: number): void;
  close(): Promise<void>;
}

export async function startTestPushService(): Promise<TestPushService> {
  const received: ReceivedPush[] = [];
  const answers = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = answers.get(req.url ?? "") ?? 201;
      res.end(res.statusCode >= 400 ? "push service says no" : "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (path, status) => answers.set(path, status),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * What a push service checks and a browser does: the VAPID JWT verifies with the application
 * server's public key (audience = the endpoint's origin), then the browser decrypts the aes128gcm
 * body with its private key and auth secret.
 */
export async function openPush(
  push: ReceivedPush,
  origin: string,
  vapidPublicKey: string,
  browser: TestBrowser,
): Promise<{ claims: Record<string, unknown>; payload: unknown }> {
  const authorization = push.headers.authorization ?? "";
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization);
  if (!match) throw new Error(`not a VAPID authorization header: ${authorization}`);
  if (match[2] !== vapidPublicKey) throw new Error("the header names another VAPID key");
  const raw = Buffer.from(vapidPublicKey, "base64url");
  const key = await importJWK(
    { kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33, 65).toString("base64url") },
    "ES256",
  );
  const { payload: claims } = await jwtVerify(match[1]!, key, { audience: origin, algorithms: ["ES256"] });
  const plain: Buffer = ece.decrypt(push.body, { version: "aes128gcm", privateKey: browser.ecdh, authSecret: browser.keys.auth });
  return { claims, payload: JSON.parse(plain.toString("utf8")) };
}
