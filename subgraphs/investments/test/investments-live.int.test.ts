import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { liveClients } from "../../../test/harness/live-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { buy, investmentsClient, usd } from "./investments-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const WATCH = `subscription($id: ID!) { portfolioUpdated(id: $id) { id value { amount } holdings { quantity marketValue { amount } } } }`;

describe.each(modes)("live portfolios and account deletion on %s", (_mode, config) => {
  const clock = new FixedClock("2025-07-01T12:00:00Z");
  let sg: TestSupergraph;
  let api: ReturnType<typeof investmentsClient>;
  const live = liveClients(() => sg);
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock });
    api = investmentsClient(sg);
    [alice, bob] = [await sg.register("Alice"), await sg.register("Bob")];
  });

  afterAll(async () => {
    await live.closeAll();
    await sg?.close();
  });

  const latest = (subscription: { results: any[] }) => subscription.results.at(-1)?.data?.portfolioUpdated;

  it("pushes the portfolio to its owner after a trade and after new prices for what it holds", async () => {
    const portfolio = (await api.createPortfolio(alice)).id;
    await api.record(alice, { portfolioId: portfolio, ...buy("LIVE", "2", "50.00", "2025-06-01") });
    await api.setPrices(alice, [{ symbol: "LIVE", date: "2025-06-01", close: usd("50.00") }]);
    const mine = live.subscribe(alice, WATCH, { id: portfolio });
    const theirs = live.subscribe(bob, WATCH, { id: portfolio });
    // The subscription is registered once a first update gets through.
    let day = 2;
    await eventually(async () => {
      await api.record(alice, { portfolioId: portfolio, ...buy("LIVE", "1", "50.00", `2025-06-${String(day++).padStart(2, "0")}`) });
      expect(mine.results.length).toBeGreaterThan(0);
    });
    await eventually(() => expect(latest(mine)?.holdings[0]?.quantity).toBe(String(2 + day - 2)));
    // A close for a held security moves the value without any trade.
    await api.setPrices(alice, [{ symbol: "LIVE", date: "2025-06-30", close: usd("60.00") }]);
    await eventually(() => expect(latest(mine)?.value).toEqual({ amount: (60 * day).toFixed(2) }));
    // Another user's subscription to it gets nothing about it.
    expect(theirs.results.filter((r) => r.data?.portfolioUpdated)).toEqual([]);
  });

  it("purges everything of a deleted user, and ends their live subscriptions", async () => {
    const dave = await sg.register("Dave");
    const portfolio = (await api.createPortfolio(dave, { idempotencyKey: "dave-1" })).id;
    await api.record(dave, { portfolioId: portfolio, ...buy("DAVEOWN", "1", "10.00", "2025-06-01") });
    await api.ok(
      dave,
      `mutation($p: ID!) { importInvestmentTransactions(portfolioId: $p, csv: "date,type,amount\\n2025-06-02,DEPOSIT,5") { imported } }`,
      {
        p: portfolio,
      },
    );
    await api.setPrices(dave, [{ symbol: "DAVEOWN", date: "2025-06-01", close: usd("11.00") }]);
    await api.ok(dave, `mutation($i: SetFxRatesInput!) { setFxRates(input: $i) { rate } }`, {
      i: { rates: [{ base: "EUR", quote: "USD", date: "2025-06-01", rate: "1.2" }] },
    });
    const watching = live.subscribe(dave, WATCH, { id: portfolio });
    await eventually(async () => {
      await api.ok(dave, `mutation($id: ID!) { renamePortfolio(id: $id, name: "Renamed ${Math.random()}") { id } }`, { id: portfolio });
      expect(watching.results.length).toBeGreaterThan(0);
    });
    const db = sg.subgraph("investments").kit.dataSource;
    const rows = async () => {
      const [row] = await db.query(
        `SELECT (SELECT count(*) FROM investments.portfolios WHERE user_id = $1)::int AS portfolios,
                (SELECT count(*) FROM investments.transactions WHERE user_id = $1)::int AS transactions,
                (SELECT count(*) FROM investments.imports WHERE user_id = $1)::int AS imports,
                (SELECT count(*) FROM investments.securities WHERE user_id = $1)::int AS securities,
                (SELECT count(*) FROM investments.prices WHERE user_id = $1)::int AS prices,
                (SELECT count(*) FROM investments.fx_rates WHERE user_id = $1)::int AS fx,
                (SELECT count(*) FROM investments.user_settings WHERE user_id = $1)::int AS settings,
                (SELECT count(*) FROM investments.idempotency_keys WHERE user_id = $1)::int AS keys`,
        [dave.id],
      );
      return row;
    };
    await eventually(async () =>
      expect(await rows()).toEqual({ portfolios: 1, transactions: 2, imports: 1, securities: 1, prices: 1, fx: 1, settings: 1, keys: 1 }),
    );
    expect((await sg.query(`mutation { deleteAccount(password: "${dave.password}") }`, {}, dave.headers)).data.deleteAccount).toBe(true);
    await eventually(async () =>
      expect(await rows()).toEqual({ portfolios: 0, transactions: 0, imports: 0, securities: 0, prices: 0, fx: 0, settings: 0, keys: 0 }),
    );
    await eventually(() => expect(watching.completed).toBe(true));
    // Alice's data is untouched.
    expect((await api.ok(alice, `{ portfolios { id } }`)).portfolios).toHaveLength(1);
  });
});
