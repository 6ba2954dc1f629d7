import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { liveClients } from "../../../test/harness/live-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { TaxDeps } from "../tax.deps.js";
import { taxClient } from "./tax-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const WATCH = `subscription { taxEstimateChanged { id year estimatedTax { amount } } }`;

describe.each(modes)("live tax estimates on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof taxClient>;
  let deps: TaxDeps;
  const live = liveClients(() => sg);
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock: new FixedClock("2026-02-10T12:00:00Z") });
    api = taxClient(sg);
    deps = sg.subgraph<TaxDeps>("tax").deps;
    [alice, bob] = [await sg.register("Alice"), await sg.register("Bob")];
  });

  afterAll(async () => {
    await live.closeAll();
    await sg?.close();
  });

  /** Posts a salary for 2025 and waits until tax has counted it. */
  const paySalary = async (user: RegisteredUser, amount: string) => {
    const account = await sg.createAccount(user, "USD");
    const salary = await api.category(user, "Tax test salary", "INCOME");
    await api.post(user, account, amount, "2025-03-31", salary, "Employer");
    await eventually(async () => expect((await api.summary(user, 2025, "grossIncome { amount }")).grossIncome.amount).toBe(amount));
  };
  const updates = (subscription: { results: any[] }) => subscription.results.map((r) => r.data?.taxEstimateChanged ?? r);

  it("pushes a year's new estimate to its owner once, and nothing to another user", async () => {
    const before = sg.gateway.liveStats().subscriptions;
    const mine = live.subscribe(alice, WATCH);
    const theirs = live.subscribe(bob, WATCH);
    await eventually(() => expect(sg.gateway.liveStats().subscriptions).toBe(before + 2));

    await paySalary(alice, "100000.00");
    await deps.estimateJob.runPending();
    // 100,000 − 15,750 (OBBBA standard deduction) = 84,250: 1,192.50 + 12 % × 36,550 = 4,386.00
    // + 22 % × (84,250 − 48,475 = 35,775) = 7,870.50 → 13,449.00.
    await eventually(() => expect(updates(mine)).toEqual([{ id: `${alice.id}:2025`, year: 2025, estimatedTax: { amount: "13449.00" } }]));

    // Bob's own estimate reaches Bob; by then Alice's would have reached him too, had it leaked.
    await paySalary(bob, "20000.00");
    await deps.estimateJob.runPending();
    // 20,000 − 15,750 = 4,250 × 10 % = 425.00.
    await eventually(() => expect(updates(theirs)).toEqual([{ id: `${bob.id}:2025`, year: 2025, estimatedTax: { amount: "425.00" } }]));
    // Nothing moved Alice's estimate again: still the one update.
    await deps.estimateJob.runPending();
    expect(updates(mine)).toHaveLength(1);
  });

  it("settles every dirty year before runPending returns, even one a pass already under way is computing", async () => {
    const carol = await sg.register("Carol");
    await paySalary(carol, "30000.00");
    const announced = async () =>
      (
        await sg
          .subgraph("tax")
          .kit.dataSource.query(`SELECT count(*)::int AS n FROM tax.outbox WHERE type = 'TaxEstimateChanged' AND key = $1`, [carol.id])
      )[0].n;
    // As when the timer's pass holds Carol's year: a second pass must wait for it, not skip it.
    const first = deps.estimateJob.runPending();
    await deps.estimateJob.runPending();
    expect(await announced()).toBe(1);
    await first;
  });
});
