import pg from "pg";

import { type PgliteProxy, withPgliteSession } from "./pglite/index.js";

/**
 * PostgreSQL LISTEN/NOTIFY, so the outbox relay wakes when a transaction that wrote events commits
 * (NOTIFY is delivered on commit, never for a rolled-back transaction) instead of polling.
 */
export interface Notifier {
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** One dedicated connection per process carries every LISTEN. */
export class PostgresNotifier implements Notifier {
  private client?: Promise<pg.Client>;
  private readonly handlers = new Map<string, Set<() => void>>();

  constructor(private readonly url: string) {}

  private connect(): Promise<pg.Client> {
    this.client ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      client.on("notification", (n) => this.handlers.get(n.channel)?.forEach((h) => h()));
      // A dropped listener connection must not crash the process; the relay's safety timer covers the gap.
      client.on("error", () => {
        this.client = undefined;
      });
      await client.connect();
      return client;
    })();
    return this.client;
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const client = await this.connect();
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await client.query(`LISTEN "${channel}"`);
    }
    set.add(onNotify);
    return async () => {
      set.delete(onNotify);
    };
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await (await client).end().catch(() => undefined);
  }
}

export class PgliteNotifier implements Notifier {
  private readonly unsubscribers: Array<() => Promise<void>> = [];
  constructor(private readonly db: PgliteProxy) {}

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    // LISTEN is a statement on the one shared session: take the session lock like every query.
    const unlisten = await withPgliteSession(this.db, (db) => db.listen(channel, () => onNotify()));
    const unsubscribe = () => withPgliteSession(this.db, () => unlisten());
    this.unsubscribers.push(unsubscribe);
    return unsubscribe;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.unsubscribers.map((u) => u()));
  }
}
