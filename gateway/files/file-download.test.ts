import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { FileSystemStorage, signFileGrant } from "../../platform/storage/index.js";
import { fileDownloadRoute } from "./file-download.js";

const secret = "x".repeat(32);
const now = new Date("2026-12-01T10:00:00Z");
const expiresAt = now.getTime() / 1000 + 900;

describe("the gateway's file download route", () => {
  let root: string;
  let server: Server;
  let base: string;
  const grant = { key: "reports/u/r.csv", userId: "u", expiresAt, contentType: "text/csv; charset=utf-8", filename: "report.csv" };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "moneta-dl-"));
    const storage = new FileSystemStorage(root);
    await storage.put(grant.key, Buffer.from("a,b\r\n1,2\r\n"));
    const route = fileDownloadRoute({ storage, linkSecret: secret, now: () => now, logger: pino({ level: "silent" }) });
    server = createServer((req, res) => void route(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/files`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(root, { recursive: true, force: true });
  });

  it("streams the file as an attachment that no cache keeps", async () => {
    const response = await fetch(`${base}?token=${signFileGrant(grant, secret)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="report.csv"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.text()).toBe("a,b\r\n1,2\r\n");
  });

  it("refuses expired, tampered and missing tokens with 403, a gone file with 404, and other methods with 405", async () => {
    const expired = signFileGrant({ ...grant, expiresAt: now.getTime() / 1000 }, secret);
    const foreign = signFileGrant(grant, "y".repeat(32));
    for (const token of [expired, foreign, "", "garbage"]) {
      const response = await fetch(`${base}?token=${token}`);
      expect(response.status, token).toBe(403);
      expect(await response.text()).toBe("forbidden");
    }
    expect((await fetch(`${base}?token=${signFileGrant({ ...grant, key: "reports/u/gone.csv" }, secret)}`)).status).toBe(404);
    expect((await fetch(`${base}?token=${signFileGrant(grant, secret)}`, { method: "POST" })).status).toBe(405);
  });
});
