import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One account as the fake bridge reports it (SimpleFIN's JSON shape). */
export interface FakeAccount {
  id: string;
  name: string;
  currency: string;
  balance: string;
  "available-balance"?: string;
  "balance-date": number;
  org: { name: string; domain?: string };
  transactions: Array<{
    id: string;
    posted: number;
    amount: string;
    description: string;
    payee?: string;
    memo?: string;
    pending?: boolean;
    transacted_at?: number;
  }>;
}

/** What `/accounts` answers: the accounts, or a refusal, a server error, or a body that is not JSON. */
export type FakeMode = "ok" | "401" | "500" | "garbage";

/**
 * A SimpleFIN Bridge on 127.0.0.1 for tests and benchmarks: setup tokens claim once (a second
 * claim is 403, as the real bridge does), the access URL carries basic-auth credentials, and
 * `/accounts` answers from the fixtures the test sets, filtered by `start-date` like the bridge.
 */
export class FakeSimpleFin {
  accounts: FakeAccount[] = [];
  mode: FakeMode = "ok";
  requests = 0;
  private readonly claims = new Map<string, boolean>();
  private server?: Server;
  private base = "";

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.requests++;
      const url = new URL(req.url ?? "/", this.base);
      if (req.method === "POST" && url.pathname.startsWith("/claim/")) {
        const token = url.pathname.slice("/claim/".length);
        if (this.claims.get(token) !== false) return void res.writeHead(403).end("Forbidden");
        this.claims.set(token, true);
        return void res
          .writeHead(200, { "content-type": "text/plain" })
          .end(`${this.base.replace("://", `://user-${token}:secret-${token}@`)}/simplefin`);
      }
      if (req.method === "GET" && url.pathname === "/simplefin/accounts") {
        const auth = req.headers.authorization ?? "";
        if (this.mode === "401" || !auth.startsWith("Basic ")) return void res.writeHead(401).end("Unauthorized");
        if (this.mode === "500") return void res.writeHead(500).end("Internal Server Error");
        if (this.mode === "garbage") return void res.writeHead(200, { "content-type": "application/json" }).end("<html>maintenance</html>");
        const start = Number(url.searchParams.get("start-date") ?? 0);
        const balancesOnly = url.searchParams.get("balances-only") === "1";
        const accounts = this.accounts.map((a) => ({
          ...a,
          transactions: balancesOnly ? [] : a.transactions.filter((t) => t.pending || t.posted >= start),
        }));
        return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ errors: [], accounts }));
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A fresh setup token (base64 of this bridge's claim URL), claimable once. */
  setupToken(): string {
    const token = `t${Math.random().toString(36).slice(2)}`;
    this.claims.set(token, false);
    return Buffer.from(`${this.base}/claim/${token}`).toString("base64");
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Unix seconds of noon UTC on a day. */
export const unixDay = (day: string): number => Date.parse(`${day}T12:00:00Z`) / 1000;
