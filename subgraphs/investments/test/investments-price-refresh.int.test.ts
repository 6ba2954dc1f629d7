import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";

import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { FixedClock } from "../../../platform/time/index.js";
import { PriceRefreshJob } from "../prices/price-refresh.job.js";
import { type PriceProvider, PriceProviderError, type ProviderClose } from "../providers/price-provider.js";
import { StooqPriceProvider } from "../providers/stooq.provider.js";
import type { SecurityEntity } from "../securities/security.entity.js";
import { type MarketDataDatabase, openMarketData, silent } from "./market-data-fixture.js";

const modes: Array<["postgres" | "pglite", string]> = [
  ["postgres", "real PostgreSQL"],
  ["pglite", "the embedded PGlite"],
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A feed that answers from a table, counts what it is asked, and can fail or be held per symbol. */
class ScriptedFeed implements PriceProvider {
  readonly name = "scripted";
  readonly calls: Array<{ symbol: string; from: string; to: string }> = [];
  readonly closes = new Map<string, ProviderClose[]>();
  readonly failing = new Set<string>();
  readonly held = new Map<string, Promise<void>>();

  async dailyCloses(symbol: string, from: string, to: string): Promise<ProviderClose[]> {
    this.calls.push({ symbol, from, to });
    // A real request takes a while: long enough for a second instance to look for work meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await this.held.get(symbol);
    if (this.failing.has(symbol)) throw new PriceProviderError(this.name, "NO_DATA", `${symbol}: no data`);
    return (this.closes.get(symbol) ?? []).filter((c) => c.date >= from && c.date <= to);
  }

  callsFor(symbol: string) {
    return this.calls.filter((c) => c.symbol === symbol);
  }
}

describe.each(modes)("the daily price refresh on %s", (kind) => {
  // Friday 14 February 2025, after the US close.
  const clock = new FixedClock("2025-02-14T22:00:00Z");
  let db: MarketDataDatabase;
  let feed: ScriptedFeed;
  let n = 0;
  const job = (owner: string, provider: PriceProvider = feed, logger = silent) =>
    new PriceRefreshJob(db.dataSource, clock, provider, db.prices, db.events, logger, { retryAfterMs: HOUR, leaseMs: 2 * 60_000, owner });
  const listed = (providerSymbol: string | null, currency = "USD") =>
    db.dataSource.transaction((m) =>
      db.securities.registerShared(m, { symbol: `FEED${++n}`, name: "Listed", kind: "STOCK", currency, providerSymbol }),
    );
  const closesOf = async (security: SecurityEntity) =>
    (await db.prices.pricesBetween(randomUser(), [security.id], "1900-01-01", "2100-12-31")).get(security.id);
  const refreshRow = async (security: SecurityEntity) =>
    (
      await db.dataSource.query(
        `SELECT to_char(refreshed_on, 'YYYY-MM-DD') AS refreshed_on, failures, last_error, claimed_by FROM investments.price_refreshes WHERE security_id = $1`,
        [security.id],
      )
    )[0];
  const week = (close: (i: number) => string): ProviderClose[] =>
    ["2025-02-10", "2025-02-11", "2025-02-12", "2025-02-13", "2025-02-14"].map((date, i) => ({ date, close: close(i) }));

  beforeAll(async () => {
    db = await openMarketData(kind, clock);
  });
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(async () => {
    clock.set("2025-02-14T22:00:00Z");
    feed = new ScriptedFeed();
    // Each test lists its own securities: the refresh considers every listed one.
    await db.dataSource.query(`DELETE FROM investments.securities WHERE user_id IS NULL`);
  });

  it("fetches each listed security once per day, however many instances run at once, and announces the new closes", async () => {
    const listedOnes = [await listed("aaa.us"), await listed("bbb.us"), await listed("ccc.us"), await listed("ddd.us")];
    const unlisted = await listed(null);
    for (const [i, s] of listedOnes.entries())
      feed.closes.set(
        s.providerSymbol!,
        week((d) => `${100 + i}.${d}0`),
      );
    const eventsBefore = (await db.priceEvents()).length;

    const [a, b] = [job("instance-a"), job("instance-b")];
    const results = await Promise.all([a.run(), b.run(), a.run(), b.run()]);
    expect(results.reduce((sum, r) => sum + r.refreshed, 0)).toBe(4);
    for (const s of listedOnes) expect(feed.callsFor(s.providerSymbol!), s.providerSymbol!).toHaveLength(1);
    expect(feed.calls).toHaveLength(4);
    expect((await closesOf(listedOnes[1]!))!).toMatchObject({
      dates: ["2025-02-10", "2025-02-11", "2025-02-12", "2025-02-13", "2025-02-14"],
      closesMinor: [10100n, 10110n, 10120n, 10130n, 10140n],
      sources: ["PROVIDER", "PROVIDER", "PROVIDER", "PROVIDER", "PROVIDER"],
    });
    expect(await closesOf(unlisted)).toBeUndefined();
    // A first refresh reaches five years back.
    expect(feed.calls[0]).toMatchObject({ from: "2020-02-11", to: "2025-02-14" });
    const events = (await db.priceEvents()).slice(eventsBefore);
    expect(events.map((e) => e.key).sort()).toEqual(listedOnes.map((s) => s.id).sort());
    expect(events[0]!.data).toEqual({ securityIds: [events[0]!.key], userId: null, dates: { from: "2025-02-10", to: "2025-02-14" } });

    // Later the same day: nothing to do.
    expect(await Promise.all([a.run(), b.run()])).toEqual([
      { refreshed: 0, failed: 0 },
      { refreshed: 0, failed: 0 },
    ]);
    expect(feed.calls).toHaveLength(4);

    // Next day: again once each, from a week before the last close (feeds revise recent days).
    clock.advance(DAY);
    feed.closes.set(
      "aaa.us",
      week(() => "100.00").map((c) => (c.date === "2025-02-14" ? { ...c, close: "99.5" } : c)),
    );
    await Promise.all([a.run(), b.run()]);
    expect(feed.calls).toHaveLength(8);
    expect(feed.callsFor("aaa.us")[1]).toEqual({ symbol: "aaa.us", from: "2025-02-07", to: "2025-02-15" });
    expect((await closesOf(listedOnes[0]!))!.closesMinor.at(-1)).toBe(9950n);
    expect(await refreshRow(listedOnes[0]!)).toMatchObject({ refreshed_on: "2025-02-15", failures: 0, claimed_by: null });
  });

  it("writes nothing when the feed fails or answers nonsense, logs it, waits, and tries again", async () => {
    const logs: Array<{ level: number; msg: string; providerSymbol?: string; err?: { message: string } }> = [];
    const logger = pino(
      { level: "info" },
      new Writable({
        write(chunk, _encoding, done) {
          logs.push(JSON.parse(chunk.toString()));
          done();
        },
      }),
    );
    const [down, odd, fine] = [await listed("down.us"), await listed("odd.us"), await listed("fine.us")];
    feed.failing.add("down.us");
    feed.closes.set("odd.us", [{ date: "2025-02-14", close: "12.5", currency: "EUR" }]);
    feed.closes.set(
      "fine.us",
      week(() => "10"),
    );
    const runner = job("only", feed, logger);

    expect(await runner.run()).toEqual({ refreshed: 1, failed: 2 });
    expect(await closesOf(down)).toBeUndefined();
    expect(await closesOf(odd)).toBeUndefined();
    expect((await closesOf(fine))!.dates).toHaveLength(5);
    expect(await refreshRow(down)).toMatchObject({
      refreshed_on: null,
      failures: 1,
      last_error: "scripted: down.us: no data",
      claimed_by: null,
    });
    expect((await refreshRow(odd)).last_error).toMatch(/prices it in EUR, the security is in USD/);
    const warnings = logs.filter((l) => l.level === 40);
    expect(warnings.map((w) => w.providerSymbol).sort()).toEqual(["down.us", "odd.us"]);
    expect(warnings[0]!.msg).toBe("price refresh failed; tried again later");

    // Within the hour: not asked again.
    clock.advance(HOUR - 1);
    expect(await runner.run()).toEqual({ refreshed: 0, failed: 0 });
    expect(feed.callsFor("down.us")).toHaveLength(1);

    clock.advance(1);
    feed.failing.delete("down.us");
    feed.closes.set(
      "down.us",
      week(() => "7.25"),
    );
    expect(await runner.run()).toMatchObject({ refreshed: 1, failed: 1 });
    expect((await closesOf(down))!.closesMinor).toEqual([725n, 725n, 725n, 725n, 725n]);
    expect(await refreshRow(down)).toMatchObject({ refreshed_on: "2025-02-14", failures: 0, last_error: null });
  });

  it("takes over the claim of an instance that died, and ignores a stalled one's late write", async () => {
    const [stalled, orphan] = [await listed("slow.us"), await listed("orphan.us")];
    feed.closes.set(
      "slow.us",
      week(() => "50"),
    );
    feed.closes.set(
      "orphan.us",
      week(() => "60"),
    );
    // An instance died holding orphan.us.
    await db.dataSource.query(`INSERT INTO investments.price_refreshes (security_id) VALUES ($1) ON CONFLICT DO NOTHING`, [orphan.id]);
    await db.dataSource.query(`UPDATE investments.price_refreshes SET claimed_by = 'dead', claimed_until = $2 WHERE security_id = $1`, [
      orphan.id,
      new Date(clock.now().getTime() + 60_000),
    ]);
    let release!: () => void;
    feed.held.set("slow.us", new Promise((resolve) => (release = resolve)));
    const first = job("first");
    const firstRun = first.run();
    await expect.poll(() => feed.callsFor("slow.us").length).toBe(1);

    // Its lease (two minutes) runs out while its request hangs; a second instance takes both over.
    clock.advance(2 * 60_000 + 1);
    feed.held.delete("slow.us");
    const eventsBefore = (await db.priceEvents()).length;
    expect(await job("second").run()).toEqual({ refreshed: 2, failed: 0 });
    release();
    expect(await firstRun).toEqual({ refreshed: 0, failed: 1 });
    expect(feed.callsFor("slow.us")).toHaveLength(2);
    expect((await closesOf(stalled))!.closesMinor).toEqual([5000n, 5000n, 5000n, 5000n, 5000n]);
    expect((await db.priceEvents()).length - eventsBefore).toBe(2);
    expect(await refreshRow(orphan)).toMatchObject({ refreshed_on: "2025-02-14", claimed_by: null });
  });

  describe("with the Stooq provider", () => {
    let server: Server;
    let asked: URL[];
    let body: string;

    beforeAll(async () => {
      server = createServer((request, response) => {
        asked.push(new URL(request.url!, "http://localhost"));
        response.writeHead(200, { "content-type": "text/csv" });
        response.end(body);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it("stores the recorded daily closes rounded to cents, and keeps the previous ones when Stooq has none", async () => {
      asked = [];
      body = readFileSync(new URL("../providers/fixtures/stooq-aapl.us-daily.csv", import.meta.url), "utf8");
      const stooq = new StooqPriceProvider({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/q/d/l/`,
        timeoutMs: 5_000,
      });
      const apple = await listed("aapl.us");
      expect(await job("stooq", stooq).run()).toEqual({ refreshed: 1, failed: 0 });
      expect(Object.fromEntries(asked[0]!.searchParams)).toEqual({ s: "aapl.us", i: "d", d1: "20200211", d2: "20250214" });
      const series = (await closesOf(apple))!;
      expect(series.dates).toHaveLength(30);
      // 243.8815 → 243.88, 232.463 → 232.46, 242.778 → 242.78
      expect(series.closesMinor.slice(0, 1)).toEqual([24388n]);
      expect(series.closesMinor[series.dates.indexOf("2025-01-07")]).toBe(23246n);
      const friday = await db.prices.priceOn(db.dataSource.manager, randomUser(), [apple.id], "2025-02-16");
      expect(friday.get(apple.id)).toEqual({ closeMinor: 24278n, currency: "USD", priceDate: "2025-02-14", source: "PROVIDER" });

      clock.advance(DAY);
      body = "No data";
      expect(await job("stooq", stooq).run()).toEqual({ refreshed: 0, failed: 1 });
      expect((await closesOf(apple))!.dates).toHaveLength(30);
      expect((await refreshRow(apple)).last_error).toMatch(/^stooq: no data/);
    });
  });
});

function randomUser(): string {
  return crypto.randomUUID();
}
