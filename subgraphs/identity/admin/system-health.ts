import type { DataSource } from "typeorm";

import type { KeyValueStore } from "../../../platform/cache/index.js";
import type { Clock } from "../../../platform/time/index.js";

export interface ComponentHealth {
  name: string;
  ok: boolean;
  latencyMs: number;
  detail: string | null;
}

export interface SystemHealthReport {
  ok: boolean;
  checkedAt: Date;
  components: ComponentHealth[];
}

export interface SystemHealthOptions {
  dataSource: DataSource;
  cache: KeyValueStore;
  clock: Clock;
  /** Subgraph name → GraphQL URL; each one's `/ready` is asked. */
  peers: () => Record<string, string>;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Events waiting this long to leave identity's outbox mean the broker (or the relay) is in trouble. */
const OUTBOX_LAG_WARNING_MS = 60_000;

/**
 * The health an operator reads: every subgraph's readiness (as the gateway's `/ready` checks it),
 * and, from identity's side, the database, the cache and the outbox (a backlog that grows means
 * events are not reaching Kafka). Counts and timings only; no user data.
 */
export class SystemHealth {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: SystemHealthOptions) {
    this.fetch = options.fetch ?? fetch;
  }

  async check(): Promise<SystemHealthReport> {
    const peers = Object.entries(this.options.peers()).sort(([a], [b]) => a.localeCompare(b));
    const components = await Promise.all([
      this.timed("database", () => this.database()),
      this.timed("cache", () => this.cacheRoundTrip()),
      this.timed("outbox", () => this.outbox()),
      ...peers.map(([name, url]) => this.timed(`subgraph:${name}`, () => this.ready(url))),
    ]);
    return { ok: components.every((c) => c.ok), checkedAt: this.options.clock.now(), components };
  }

  private async timed(name: string, probe: () => Promise<{ ok: boolean; detail: string | null }>): Promise<ComponentHealth> {
    const started = performance.now();
    const result = await probe().catch((error: Error) => ({ ok: false, detail: error.message.slice(0, 200) }));
    return { name, ...result, latencyMs: Math.round(performance.now() - started) };
  }

  private async database() {
    await this.options.dataSource.query("SELECT 1");
    return { ok: true, detail: null };
  }

  private async cacheRoundTrip() {
    // A read of a key nobody writes: proves the store answers without touching anyone's data.
    await this.options.cache.get("health:probe");
    return { ok: true, detail: null };
  }

  private async outbox() {
    const [row] = (await this.options.dataSource.query(
      `SELECT count(*)::int AS pending, min(created_at) AS oldest FROM identity.outbox WHERE published_at IS NULL`,
    )) as Array<{ pending: number; oldest: Date | string | null }>;
    const waitedMs = row?.oldest ? this.options.clock.now().getTime() - new Date(row.oldest).getTime() : 0;
    return { ok: waitedMs < OUTBOX_LAG_WARNING_MS, detail: `${row?.pending ?? 0} unsent, oldest ${Math.round(waitedMs / 1000)} s` };
  }

  private async ready(graphqlUrl: string) {
    const response = await this.fetch(graphqlUrl.replace(/\/graphql$/, "/ready"), {
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 2_000),
    });
    return { ok: response.ok, detail: response.ok ? null : `HTTP ${response.status}` };
  }
}
