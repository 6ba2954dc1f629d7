import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StatementLogger } from "../../../platform/db/index.js";
import { FixedClock } from "../../../platform/time/index.js";
import { convertAtRate } from "../fx/fx-rate.js";
import type { SecurityEntity } from "../securities/security.entity.js";
import { type MarketDataDatabase, openMarketData, outcome } from "./market-data-fixture.js";

const modes: Array<["postgres" | "pglite", string]> = [
  ["postgres", "real PostgreSQL"],
  ["pglite", "the embedded PGlite"],
];

const usd = (amount: string) => ({ amount, currency: "USD" });

describe.each(modes)("market data services on %s", (kind) => {
  // Friday 14 February 2025, after the close.
  const clock = new FixedClock("2025-02-14T22:00:00Z");
  let db: MarketDataDatabase;
  let n = 0;
  /** A shared security with a fresh symbol, as a feed's list would add it. */
  const shared = (currency = "USD", symbol = `S${++n}${randomUUID().slice(0, 4)}`) =>
    db.dataSource.transaction((m) => db.securities.registerShared(m, { symbol, name: `Shared ${symbol}`, kind: "ETF", currency }));
  const feed = (security: SecurityEntity, days: Array<[string, bigint]>) =>
    db.dataSource.transaction((m) =>
      db.prices.upsertShared(
        m,
        days.map(([date, closeMinor]) => ({ securityId: security.id, date, closeMinor, currency: security.currency, source: "PROVIDER" })),
      ),
    );
  const priceOn = (userId: string, ids: string[], date: string) => db.prices.priceOn(db.dataSource.manager, userId, ids, date);

  beforeAll(async () => {
    db = await openMarketData(kind, clock);
  });
  afterAll(async () => {
    await db?.close();
  });

  describe("securities", () => {
    it("show shared ones to everyone and a user's own to that user alone; a user's own symbol shadows the shared one", async () => {
      const [alice, bob] = [randomUUID(), randomUUID()];
      const symbol = `VW${randomUUID().slice(0, 6)}`.toUpperCase();
      const feedOne = await shared("EUR", symbol);
      const mine = await db.securities.create(alice, { symbol: symbol.toLowerCase(), name: "My listing", kind: "FUND", currency: "USD" });
      expect(mine).toMatchObject({ userId: alice, symbol, kind: "FUND", currency: "USD", exchange: null });
      const found = (user: string) => db.dataSource.transaction((m) => db.securities.findBySymbol(m, user, symbol.toLowerCase()));
      expect((await found(alice))!.id).toBe(mine.id);
      expect((await found(bob))!.id).toBe(feedOne.id);
      expect((await db.securities.findForUser(bob, [mine.id, feedOne.id])).map((s) => s.id)).toEqual([feedOne.id]);
      expect((await db.securities.search(bob, symbol, 50)).map((s) => s.id)).toEqual([feedOne.id]);
      expect((await db.securities.search(alice, symbol.slice(0, 5), 50)).map((s) => s.id)).toEqual([mine.id, feedOne.id]);
      expect((await db.securities.search(alice, "my list", 50)).map((s) => s.id)).toEqual([mine.id]);
      // LIKE's wildcards in a search are plain characters.
      expect(await db.securities.search(alice, "%", 50)).toEqual([]);
    });

    it("refuse a second own symbol, changes to shared or others' securities, and bad fields, each naming the field", async () => {
      const [alice, bob] = [randomUUID(), randomUUID()];
      const feedOne = await shared();
      const mine = await db.securities.create(alice, { symbol: "HOUSE1", name: "Flat", kind: "OTHER", currency: "EUR", exchange: " " });
      expect(await outcome(db.securities.create(alice, { symbol: "house1", name: "Again", kind: "OTHER", currency: "EUR" }))).toBe(
        "CONFLICT:symbol",
      );
      expect(await outcome(db.securities.create(bob, { symbol: "house1", name: "Bob's", kind: "OTHER", currency: "EUR" }))).toBe("OK");
      expect(await outcome(db.securities.create(alice, { symbol: "X", name: "", kind: "OTHER", currency: "EUR" }))).toBe(
        "BAD_USER_INPUT:name",
      );
      expect(await outcome(db.securities.create(alice, { symbol: "X", name: "x", kind: "GOLD", currency: "EUR" }))).toBe(
        "BAD_USER_INPUT:kind",
      );
      expect(await outcome(db.securities.create(alice, { symbol: "X", name: "x", kind: "OTHER", currency: "EURO" }))).toBe(
        "BAD_USER_INPUT:currency",
      );
      expect(await outcome(db.securities.update(alice, { id: feedOne.id, name: "Mine now" }))).toBe("BAD_USER_INPUT:id");
      expect(await outcome(db.securities.update(bob, { id: mine.id, name: "Mine now" }))).toBe("NOT_FOUND:id");
      expect(await outcome(db.securities.update(bob, { id: "not-a-uuid", name: "x" }))).toBe("NOT_FOUND:id");
      const renamed = await db.securities.update(alice, { id: mine.id, name: "Flat in Lyon", exchange: "OTC" });
      expect(renamed).toMatchObject({ name: "Flat in Lyon", kind: "OTHER", exchange: "OTC", currency: "EUR", symbol: "HOUSE1" });
      expect((await db.securities.findForUser(alice, [mine.id]))[0]).toMatchObject({ name: "Flat in Lyon", exchange: "OTC" });
    });

    it("are created once for an unknown traded symbol, in the price's currency, even when two trades race", async () => {
      const alice = randomUUID();
      const feedOne = await shared("USD");
      const ensure = (symbol: string, currency: string) =>
        db.dataSource.transaction((m) => db.securities.ensureUserDefined(m, alice, symbol, currency));
      expect((await ensure(feedOne.symbol.toLowerCase(), "GBP")).id).toBe(feedOne.id);
      const [a, b] = await Promise.all([ensure("my-startup", "CHF"), ensure("MY-STARTUP", "CHF")]);
      expect(a.id).toBe(b.id);
      expect(a).toMatchObject({ userId: alice, symbol: "MY-STARTUP", name: "MY-STARTUP", kind: "OTHER", currency: "CHF" });
      const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM investments.securities WHERE user_id = $1`, [
        alice,
      ]);
      expect(count).toBe(1);
    });
  });

  describe("prices", () => {
    it("store a user's own closes all or nothing, refusing unknown symbols, wrong currencies and impossible days by index", async () => {
      const alice = randomUUID();
      const etf = await shared("USD");
      const before = (await db.priceEvents()).length;
      const attempt = (prices: Array<{ symbol: string; date: string; close: { amount: string; currency: string } }>) =>
        outcome(db.prices.setPrices(alice, prices, "t"));
      const good = { symbol: etf.symbol, date: "2025-02-10", close: usd("101.25") };
      expect(await attempt([good, { symbol: "NOPE-NOTHING", date: "2025-02-10", close: usd("1") }])).toBe(
        "BAD_USER_INPUT:prices[1].symbol",
      );
      expect(await attempt([good, { ...good, date: "2025-02-11", close: { amount: "1", currency: "EUR" } }])).toBe(
        "BAD_USER_INPUT:prices[1].close.currency",
      );
      expect(await attempt([good, { ...good, date: "2025-02-11", close: usd("0") }])).toBe("BAD_USER_INPUT:prices[1].close");
      expect(await attempt([good, { ...good, date: "2025-02-11", close: usd("1.001") }])).toBe("BAD_USER_INPUT:prices[1].close");
      // The clock says 22:00 UTC on the 14th: the 15th has begun in the Pacific, the 16th nowhere.
      expect(await attempt([good, { ...good, date: "2025-02-16" }])).toBe("BAD_USER_INPUT:prices[1].date");
      expect(await attempt([good, { ...good, date: "1899-12-31" }])).toBe("BAD_USER_INPUT:prices[1].date");
      expect(await attempt([good, { ...good, close: usd("102") }])).toBe("BAD_USER_INPUT:prices[1].date");
      expect((await priceOn(alice, [etf.id], "2025-02-14")).size).toBe(0);
      expect(await db.priceEvents()).toHaveLength(before);

      const stored = await db.prices.setPrices(
        alice,
        [good, { ...good, symbol: etf.symbol.toLowerCase(), date: "2025-02-15", close: usd("102") }],
        "t",
      );
      expect(stored.map((p) => [p.date, p.closeMinor, p.source])).toEqual([
        ["2025-02-10", 10125n, "MANUAL"],
        ["2025-02-15", 10200n, "MANUAL"],
      ]);
      expect((await db.priceEvents()).at(-1)).toEqual({
        key: alice,
        data: { securityIds: [etf.id], userId: alice, dates: { from: "2025-02-10", to: "2025-02-15" } },
      });
    });

    it("keep a user's own close from everyone else, and let it win over the feed's on its day", async () => {
      const [alice, bob] = [randomUUID(), randomUUID()];
      const etf = await shared("USD");
      await feed(etf, [
        ["2025-02-10", 10000n],
        ["2025-02-11", 10100n],
        ["2025-02-12", 10200n],
      ]);
      await db.prices.setPrices(alice, [{ symbol: etf.symbol, date: "2025-02-11", close: usd("99.99") }], "t");
      const close = async (user: string, date: string) => (await priceOn(user, [etf.id], date)).get(etf.id);
      expect(await close(alice, "2025-02-11")).toEqual({ closeMinor: 9999n, currency: "USD", priceDate: "2025-02-11", source: "MANUAL" });
      expect(await close(bob, "2025-02-11")).toEqual({ closeMinor: 10100n, currency: "USD", priceDate: "2025-02-11", source: "PROVIDER" });
      // A later feed close is newer than the user's older one.
      expect((await close(alice, "2025-02-12"))!.closeMinor).toBe(10200n);
      const series = async (user: string) => (await db.prices.pricesBetween(user, [etf.id], "2025-02-10", "2025-02-12")).get(etf.id)!;
      expect((await series(alice)).closesMinor).toEqual([10000n, 9999n, 10200n]);
      expect((await series(bob)).closesMinor).toEqual([10000n, 10100n, 10200n]);
      expect((await series(bob)).sources).toEqual(["PROVIDER", "PROVIDER", "PROVIDER"]);

      // A user-defined security and its prices are invisible to others even by id.
      const own = await db.securities.create(alice, { symbol: `OWN${n++}`, name: "Private", kind: "OTHER", currency: "USD" });
      await db.prices.setPrices(alice, [{ symbol: own.symbol, date: "2025-02-12", close: usd("5") }], "t");
      expect((await priceOn(bob, [own.id], "2025-02-14")).size).toBe(0);
      expect((await db.prices.pricesBetween(bob, [own.id], "2025-01-01", "2025-02-14")).size).toBe(0);
      expect(await outcome(db.prices.setPrices(bob, [{ symbol: own.symbol, date: "2025-02-12", close: usd("5") }], "t"))).toBe(
        "BAD_USER_INPUT:prices[0].symbol",
      );
    });

    it("value a day with the latest close on or before it, saying which day it is from, and report none when there is none", async () => {
      const alice = randomUUID();
      const [a, b, c] = [await shared(), await shared(), await shared()];
      await feed(a, [
        ["2025-02-06", 500n],
        ["2025-02-07", 510n],
        ["2025-02-10", 520n],
      ]);
      await feed(b, [["2025-02-12", 7000n]]);
      // Sunday the 9th: Friday's close, dated Friday.
      const sunday = await priceOn(alice, [a.id, b.id, c.id], "2025-02-09");
      expect(sunday.get(a.id)).toMatchObject({ closeMinor: 510n, priceDate: "2025-02-07" });
      expect(sunday.has(b.id)).toBe(false);
      expect(sunday.has(c.id)).toBe(false);
      expect((await priceOn(alice, [a.id, b.id], "2025-02-14")).get(b.id)).toMatchObject({ closeMinor: 7000n, priceDate: "2025-02-12" });
      expect((await priceOn(alice, [a.id], "2025-02-05")).size).toBe(0);

      // A chart's range starts with the close carried in from before it, unless asked not to.
      const range = await db.prices.pricesBetween(alice, [a.id, b.id, c.id], "2025-02-08", "2025-02-14");
      expect(range.get(a.id)).toMatchObject({ dates: ["2025-02-07", "2025-02-10"], closesMinor: [510n, 520n], currency: "USD" });
      expect(range.get(b.id)!.dates).toEqual(["2025-02-12"]);
      expect(range.has(c.id)).toBe(false);
      const bare = await db.prices.pricesBetween(alice, [a.id], "2025-02-08", "2025-02-14", { carryIn: false });
      expect(bare.get(a.id)!.dates).toEqual(["2025-02-10"]);
    });

    it("import a CSV row by row: good rows stored, bad rows reported by line and column", async () => {
      const alice = randomUUID();
      const [etf, jp] = [await shared("USD"), await shared("JPY")];
      const csv = [
        "symbol,date,close,currency",
        `${etf.symbol},2025-02-03,50.10,USD`,
        `${jp.symbol.toLowerCase()},2025-02-03,15300,`,
        `UNKNOWN-SYM,2025-02-03,1,USD`,
        `${etf.symbol},2025-02-30,1,USD`,
        `${etf.symbol},2025-02-04,50.101,USD`,
        `${etf.symbol},2025-02-04,50,EUR`,
        `${etf.symbol},2025-02-03,51,USD`,
        "",
        `${jp.symbol},2025-02-04,15400.5,JPY`,
        `${jp.symbol},2025-02-04,15400,JPY`,
      ].join("\n");
      const result = await db.prices.importPrices(alice, csv, "t");
      expect(result.saved).toBe(3);
      expect(result.errors.map((e) => [e.row, e.field])).toEqual([
        [4, "symbol"],
        [5, "date"],
        [6, "close"],
        [7, "currency"],
        [8, "date"],
        [10, "close"],
      ]);
      expect(result.errors[4]!.message).toMatch(/row 2 already prices/);
      const on = await priceOn(alice, [etf.id, jp.id], "2025-02-04");
      expect(on.get(etf.id)).toMatchObject({ closeMinor: 5010n, priceDate: "2025-02-03", source: "IMPORT" });
      expect(on.get(jp.id)).toMatchObject({ closeMinor: 15400n, currency: "JPY", priceDate: "2025-02-04" });
      expect(await outcome(db.prices.importPrices(alice, "symbol,close\nX,1", "t"))).toBe("BAD_USER_INPUT:csv");
    });

    it("read 200 securities over five years in one statement, quickly", async () => {
      const alice = randomUUID();
      const ids: string[] = [];
      for (let i = 0; i < 200; i++) ids.push(randomUUID());
      await db.dataSource.query(
        `INSERT INTO investments.securities (id, user_id, symbol, name, kind, currency, created_at)
         SELECT id, NULL, 'BULK' || ord, 'Bulk', 'STOCK', 'USD', now() FROM unnest($1::uuid[]) WITH ORDINALITY AS s(id, ord)`,
        [ids],
      );
      await db.dataSource.query(
        `INSERT INTO investments.prices (security_id, user_id, date, close_minor, currency, source, updated_at)
         SELECT s.id, NULL, d::date, 10000 + (extract(doy FROM d))::int, 'USD', 'PROVIDER', now()
         FROM unnest($1::uuid[]) AS s(id), generate_series('2020-02-14'::date, '2025-02-14'::date, '1 day') AS d
         WHERE extract(isodow FROM d) < 6`,
        [ids],
      );
      // What autovacuum does after such a load: statistics for the planner, the visibility map for index-only scans.
      await db.dataSource.query(`VACUUM ANALYZE investments.prices`);
      const statements = db.dataSource.logger as StatementLogger;
      const before = statements.statements;
      const started = performance.now();
      const series = await db.prices.pricesBetween(alice, ids, "2020-02-14", "2025-02-14");
      const elapsed = performance.now() - started;
      expect(statements.statements - before).toBe(1);
      let weekdays = 0;
      for (let d = Date.parse("2020-02-14"); d <= Date.parse("2025-02-14"); d += 86_400_000)
        if (![0, 6].includes(new Date(d).getUTCDay())) weekdays++;
      expect(series.size).toBe(200);
      expect(series.get(ids[0]!)!.dates).toHaveLength(weekdays);
      // 14 February is the 45th day of the year.
      expect(series.get(ids[0]!)).toMatchObject({ currency: "USD", dates: expect.arrayContaining(["2020-02-14"]) });
      expect(series.get(ids[0]!)!.closesMinor[0]).toBe(10_045n);
      expect([...series.values()].reduce((sum, s) => sum + s.dates.length, 0)).toBe(200 * weekdays);
      // Generous for a loaded CI machine: a read per security or per day would take many times longer.
      expect(elapsed).toBeLessThan(10_000);
      const latest = await priceOn(alice, ids, "2025-02-16");
      expect(statements.statements - before).toBe(2);
      expect(latest.size).toBe(200);
      expect(latest.get(ids[7]!)!.priceDate).toBe("2025-02-14");
    });
  });

  describe("FX rates", () => {
    it("give the latest rate on or before a day, the user's own before the shared, inverted when only the other way is known", async () => {
      const [alice, bob] = [randomUUID(), randomUUID()];
      // Shared (a feed's) rates: 1 EUR = x USD.
      await db.dataSource.query(
        `INSERT INTO investments.fx_rates (user_id, base, quote, date, rate, source, updated_at) VALUES
           (NULL, 'EUR', 'USD', '2025-02-10', 1.03, 'PROVIDER', now()), (NULL, 'EUR', 'USD', '2025-02-12', 1.04, 'PROVIDER', now())`,
      );
      const stored = await db.fx.setRates(alice, [
        { base: "eur", quote: "usd", date: "2025-02-12", rate: "1.0500" },
        { base: "GBP", quote: "EUR", date: "2025-02-07", rate: "1.2" },
      ]);
      expect(stored[0]).toEqual({ base: "EUR", quote: "USD", date: "2025-02-12", rate: "1.05" });
      expect(await db.fx.fxOn(alice, "EUR", "USD", "2025-02-13")).toMatchObject({ date: "2025-02-12", rate: "1.05", inverse: false });
      expect(await db.fx.fxOn(bob, "EUR", "USD", "2025-02-13")).toMatchObject({ date: "2025-02-12", rate: "1.04", inverse: false });
      expect(await db.fx.fxOn(bob, "EUR", "USD", "2025-02-11")).toMatchObject({ date: "2025-02-10", rate: "1.03" });
      expect(await db.fx.fxOn(bob, "EUR", "USD", "2025-02-09")).toBeNull();
      // Only GBP→EUR is known: EUR→GBP is its inverse, and converting divides by the stored rate.
      const eurGbp = (await db.fx.fxOn(alice, "EUR", "GBP", "2025-02-14"))!;
      expect(eurGbp).toMatchObject({
        base: "EUR",
        quote: "GBP",
        date: "2025-02-07",
        rate: "0.833333333333333",
        inverse: true,
        stored: "1.2",
      });
      expect(convertAtRate({ amountMinor: 1000n, currency: "EUR" }, eurGbp)).toEqual({ amountMinor: 833n, currency: "GBP" });
      expect(await db.fx.fxOn(bob, "EUR", "GBP", "2025-02-14")).toBeNull();
      expect(await db.fx.fxOn(bob, "USD", "usd", "2025-02-14")).toMatchObject({ rate: "1" });

      const series = await db.fx.fxBetween(alice, "USD", "EUR", "2025-02-11", "2025-02-14");
      expect(series.dates).toEqual(["2025-02-10", "2025-02-12"]);
      expect(series.rates.map((r) => [r.rate, r.inverse])).toEqual([
        ["0.970873786407767", true],
        ["0.952380952380952", true],
      ]);
    });

    it("are stored all or nothing, refusing bad pairs, days and rates by index", async () => {
      const alice = randomUUID();
      const good = { base: "EUR", quote: "CHF", date: "2025-02-03", rate: "0.94" };
      const attempt = (rates: (typeof good)[]) => outcome(db.fx.setRates(alice, rates));
      expect(await attempt([good, { ...good, quote: "EUR" }])).toBe("BAD_USER_INPUT:rates[1].quote");
      expect(await attempt([good, { ...good, base: "XXQ" }])).toBe("BAD_USER_INPUT:rates[1].base");
      expect(await attempt([good, { ...good, date: "2025-02-03" }])).toBe("BAD_USER_INPUT:rates[1].date");
      expect(await attempt([good, { ...good, date: "2025-03-01" }])).toBe("BAD_USER_INPUT:rates[1].date");
      expect(await attempt([good, { ...good, date: "2025-02-04", rate: "0" }])).toBe("BAD_USER_INPUT:rates[1].rate");
      expect(await attempt([good, { ...good, date: "2025-02-04", rate: "1e2" }])).toBe("BAD_USER_INPUT:rates[1].rate");
      expect(await db.fx.fxOn(alice, "EUR", "CHF", "2025-02-14")).toBeNull();
    });
  });

  it("forgets a deleted user's own prices, rates and securities, and keeps the shared ones", async () => {
    const [alice, bob] = [randomUUID(), randomUUID()];
    const etf = await shared("USD");
    await feed(etf, [["2025-02-12", 100n]]);
    const own = await db.securities.create(alice, { symbol: `GONE${n++}`, name: "Gone", kind: "OTHER", currency: "USD" });
    await db.prices.setPrices(
      alice,
      [
        { symbol: etf.symbol, date: "2025-02-13", close: usd("2") },
        { symbol: own.symbol, date: "2025-02-13", close: usd("3") },
      ],
      "t",
    );
    await db.fx.setRates(alice, [{ base: "EUR", quote: "USD", date: "2025-02-13", rate: "1.1" }]);
    await db.fx.setRates(bob, [{ base: "EUR", quote: "USD", date: "2025-02-13", rate: "1.2" }]);
    await db.dataSource.transaction(async (m) => {
      await db.prices.purgeUser(m, alice);
      await db.fx.purgeUser(m, alice);
      await db.securities.purgeUser(m, alice);
    });
    const left = async (table: string) =>
      (await db.dataSource.query(`SELECT count(*)::int AS n FROM investments.${table} WHERE user_id = $1`, [alice]))[0].n;
    expect([await left("prices"), await left("fx_rates"), await left("securities")]).toEqual([0, 0, 0]);
    expect((await priceOn(bob, [etf.id], "2025-02-14")).get(etf.id)).toMatchObject({ closeMinor: 100n, source: "PROVIDER" });
    expect(await db.fx.fxOn(bob, "EUR", "USD", "2025-02-13")).toMatchObject({ rate: "1.2" });
  });
});
