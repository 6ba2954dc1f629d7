import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

import { buildSchema, parse } from "graphql";
import { type Client, createClient } from "graphql-ws";
import { type Admin, AssignerProtocol, Kafka, logLevel } from "kafkajs";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";

import { type GatewayOptions, type RunningGateway, startGateway } from "../gateway/gateway.js";
import { DEFAULT_OPERATION_LIMITS, operationCost } from "../gateway/limits/index.js";
import type { RateLimits } from "../gateway/rate-limit/index.js";
import { exportInternalKeys, generateInternalKeys } from "../platform/auth/internal-token.js";
import type { DeliveredMessage, SubscriptionHandle } from "../platform/events/bus.js";
import { KafkaEventBus } from "../platform/events/kafka-bus.js";
import { type RunningSubgraphs, startAllSubgraphs } from "../platform/runtime/index.js";
import { eventually } from "../platform/testing/eventually.js";
import { realServices, realServicesConfig, uniqueSuffix } from "../platform/testing/services.js";
import { FixedClock } from "../platform/time/index.js";
import { BUDGETS_GOAL_TOPIC } from "../schema/events/budgets.js";
import { LEDGER_BILL_TOPIC, LEDGER_TRANSACTION_TOPIC } from "../schema/events/ledger.js";
import type { LedgerDeps } from "../subgraphs/ledger/ledger.deps.js";
import { type GraphQLResult, postGraphQL, type RegisteredUser, registerThrough, TEST_RATE_LIMITS } from "./harness/supergraph.js";

/**
 * Two instances of every subgraph on ONE configuration (the same database, Kafka topic prefix and
 * consumer groups, and Redis), as `docker compose --scale` runs them, behind two gateways, on
 * topics of 6 partitions. Each gateway sends every other subgraph's requests to the other set, so
 * both instances of each subgraph serve requests, and each gateway has its own live consumer group.
 */
const PARTITIONS = 6;
const TODAY = "2026-11-10";
const services = realServices();
const suffix = uniqueSuffix();
// Topics of their own: the run's shared topics already exist with the default partition count.
const prefix = `t${services.runId}.instances.${suffix}.`;
const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
const PROBED = [LEDGER_TRANSACTION_TOPIC, LEDGER_BILL_TOPIC, BUDGETS_GOAL_TOPIC];

const GOAL_UPDATED = `subscription($id: ID!) { savingsGoalUpdated(id: $id) { id saved { amount } } }`;
const CREATE_GOAL = `mutation($input: CreateSavingsGoalInput!) { createSavingsGoal(input: $input) { id } }`;
const CONTRIBUTE = `mutation($id: ID!, $amount: MoneyInput!) { contributeToGoal(id: $id, amount: $amount) { id } }`;
const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`;
const POST = `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`;
const CREATE_BUDGET = `mutation($input: CreateBudgetInput!) { createBudget(input: $input) { id } }`;
const SPENT = `query($id: ID!) { budget(id: $id) { progress { spent { amount } } } }`;
const BALANCE = `query($id: ID!) { account(id: $id) { balance { amount } } }`;
const CREATE_RECURRING = `mutation($input: RecurringTransactionInput!) { createRecurringTransaction(input: $input) { id nextDue } }`;

/** Received by one graphql-ws subscription. */
interface Watch {
  results: any[];
  client: Client;
}

describe("two instances of every subgraph behind two gateways (real PostgreSQL, Redis, Kafka; 6 partitions)", () => {
  const clock = new FixedClock(`${TODAY}T12:00:00Z`);
  const probeBus = new KafkaEventBus({
    brokers: services.kafkaBrokers,
    clientId: "instances-probe",
    prefix,
    partitions: PARTITIONS,
    logger,
  });
  /** What a consumer group of its own receives of the probed topics: every relayed event, counted. */
  const probed: DeliveredMessage[] = [];
  const watches: Watch[] = [];
  const gateways: RunningGateway[] = [];
  let probe: SubscriptionHandle | undefined;
  let admin: Admin;
  let a: RunningSubgraphs;
  let b: RunningSubgraphs;
  let gw1: RunningGateway;
  let gw2: RunningGateway;
  let maxBodyBytes: number;

  /** Gateway over `own` for every other subgraph (sorted by name) and over `other` for the rest. */
  const gatewayOver = async (own: RunningSubgraphs, other: RunningSubgraphs, overrides: Partial<GatewayOptions> = {}) => {
    const names = Object.keys(own.urls).sort();
    const gateway = await startGateway({
      host: "127.0.0.1",
      port: 0,
      logger,
      clock,
      internalPrivateKey: own.platform.internalKeys.privateKey!,
      subgraphUrls: Object.fromEntries(names.map((name, i) => [name, (i % 2 === 0 ? own : other).urls[name]!])),
      bus: own.platform.bus,
      // Its own Redis connection (each set has one), on the shared prefix.
      cache: own.platform.cache,
      rateLimits: TEST_RATE_LIMITS,
      maxBodyBytes,
      ...overrides,
    });
    gateways.push(gateway);
    return gateway;
  };

  const call = (gateway: RunningGateway, user: RegisteredUser, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(gateway.url, { query, variables }, user.headers);
  const ok = async (gateway: RunningGateway, user: RegisteredUser, query: string, variables: Record<string, unknown> = {}) => {
    const r = await call(gateway, user, query, variables);
    if (r.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(r.errors)}`);
    return r.data;
  };
  const ledgerDeps = (set: RunningSubgraphs) => set.subgraphs.find((s) => s.name === "ledger")!.deps as LedgerDeps;
  const db = () => a.subgraphs.find((s) => s.name === "ledger")!.kit.dataSource;
  /** Users this file created: their events are the ones counted. */
  const users: string[] = [];
  const register = async (gateway: RunningGateway, name: string) => {
    const user = await registerThrough(gateway.url, name);
    users.push(user.id);
    return user;
  };

  function watch(gateway: RunningGateway, user: RegisteredUser, query: string, variables: Record<string, unknown>): Watch {
    const w: Watch = {
      results: [],
      client: createClient({
        url: gateway.url.replace("http", "ws"),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${user.accessToken}` },
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
      }),
    };
    w.client.subscribe(
      { query, variables },
      { next: (r) => void w.results.push(r), error: (e) => void w.results.push({ error: e }), complete: () => undefined },
    );
    watches.push(w);
    return w;
  }

  async function account(gateway: RunningGateway, user: RegisteredUser): Promise<string> {
    const input = { name: "Everyday", type: "CHECKING", openingBalance: { amount: "0", currency: "USD" }, openingDate: "2000-01-01" };
    return (await ok(gateway, user, CREATE_ACCOUNT, { input })).createAccount.id;
  }

  beforeAll(async () => {
    // One key pair for every instance, as production shares it: any gateway may call any subgraph.
    const keys = await exportInternalKeys(await generateInternalKeys());
    const config = realServicesConfig({
      kafkaTopicPrefix: prefix,
      kafkaTopicPartitions: PARTITIONS,
      // 2 sets × 8 subgraphs share one server with the rest of the machine: small pools.
      databasePoolSize: 3,
      cachePrefix: `t${services.runId}.instances.${suffix}`,
      internalJwtPrivateKey: keys.privateKey,
      internalJwtPublicKey: keys.publicKey,
    });
    maxBodyBytes = config.maxBodyBytes;
    admin = new Kafka({ brokers: services.kafkaBrokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    probe = await probeBus.subscribe({ groupId: "probe", topics: PROBED, fromBeginning: true, handle: async (m) => void probed.push(m) });
    a = await startAllSubgraphs(config, { logger, randomPorts: true, clock, clientId: "moneta-a" });
    b = await startAllSubgraphs(config, { logger, randomPorts: true, clock, clientId: "moneta-b" });
    gw1 = await gatewayOver(a, b);
    gw2 = await gatewayOver(b, a);
  });

  afterAll(async () => {
    for (const w of watches) await w.client.dispose();
    for (const gateway of gateways) await gateway.close();
    await b?.close();
    await a?.close();
    await probe?.stop();
    await probeBus.close();
    await admin?.disconnect();
  });

  it("creates 6-partition topics and shares each consumer group's partitions between the two instances", async () => {
    expect(gw1.subgraphs.ledger).toBe(b.urls.ledger);
    expect(gw2.subgraphs.ledger).toBe(a.urls.ledger);
    expect(gw1.subgraphs.budgets).toBe(a.urls.budgets);
    const topic = prefix + LEDGER_TRANSACTION_TOPIC;
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    expect(metadata!.partitions).toHaveLength(PARTITIONS);
    await eventually(async () => {
      const [group] = (await admin.describeGroups([`${prefix}budgets.ledger-lines`])).groups;
      expect(group!.state).toBe("Stable");
      const owned = group!.members.map((m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[topic] ?? []);
      expect(owned).toHaveLength(2);
      for (const partitions of owned) expect(partitions.length).toBeGreaterThan(0);
      expect(owned.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
    });
    // Live updates are not shared out: each gateway consumes every event in a group of its own.
    const { groups } = await admin.listGroups();
    expect(groups.filter((g) => g.groupId.startsWith(`${prefix}gateway.live.`))).toHaveLength(2);
  });

  it("delivers every update exactly once to live subscribers on both gateways", async () => {
    const pia = await register(gw1, "Pia");
    // Budgets takes goals once identity's preferences (the base currency) have reached it.
    const createGoal = (name: string) =>
      eventually(
        async () =>
          (await ok(gw2, pia, CREATE_GOAL, { input: { name, target: { amount: "100.00", currency: "USD" } } })).createSavingsGoal
            .id as string,
      );
    const goal = await createGoal("Bike");
    const sentinel = await createGoal("Sentinel");
    const [on1, on2] = [gw1, gw2].map((gateway) => watch(gateway, pia, GOAL_UPDATED, { id: goal }));
    const [last1, last2] = [gw1, gw2].map((gateway) => watch(gateway, pia, GOAL_UPDATED, { id: sentinel }));
    await eventually(() => {
      expect(gw1.liveStats().subscriptions).toBe(2);
      expect(gw2.liveStats().subscriptions).toBe(2);
    });

    // One user's events share a partition and each gateway handles them in order: once a sentinel
    // update is in, everything before it has been delivered (or duplicated). The first one also
    // lets the goals' own creation events pass before counting starts.
    const sentinelSaved = async (amount: string) => {
      await ok(gw2, pia, CONTRIBUTE, { id: sentinel, amount: { amount: "1.00", currency: "USD" } });
      await eventually(() => {
        for (const w of [last1!, last2!]) expect(w.results.at(-1)?.data?.savingsGoalUpdated?.saved?.amount).toBe(amount);
      });
    };
    await sentinelSaved("1.00");
    const before = [on1!.results.length, on2!.results.length];
    const updates = 8;
    for (let i = 0; i < updates; i++)
      await ok(i % 2 === 0 ? gw1 : gw2, pia, CONTRIBUTE, { id: goal, amount: { amount: "1.00", currency: "USD" } });
    await sentinelSaved("2.00");
    for (const [i, w] of [on1!, on2!].entries()) {
      const counted = w.results.slice(before[i]);
      expect(counted).toHaveLength(updates);
      expect(counted.every((r) => r.data?.savingsGoalUpdated?.id === goal && !r.errors)).toBe(true);
      expect(counted.at(-1).data.savingsGoalUpdated.saved.amount).toBe(`${updates}.00`);
    }
  });

  it("applies each ledger event once across both budgets instances: spent equals the ledger's total", async () => {
    const olek = await register(gw2, "Olek");
    const checking = await account(gw1, olek);
    const groceries = await eventually(async () => {
      const { categories } = await ok(gw2, olek, `{ categories { id name } }`);
      const found = categories.find((c: { name: string }) => c.name === "Groceries");
      expect(found).toBeDefined();
      return found.id as string;
    });
    // Budgets learns categories and accounts from events: retry until it can take the budget.
    const budgetId = await eventually(
      async () =>
        (
          await ok(gw2, olek, CREATE_BUDGET, {
            input: { name: "Food", categoryIds: [groceries], period: "MONTHLY", amount: { amount: "500.00", currency: "USD" } },
          })
        ).createBudget.id as string,
    );
    const amounts = ["1.25", "2.50", "3.75", "5.00", "6.25", "7.50", "8.75", "10.00", "11.25", "12.50"];
    for (const [i, amount] of amounts.entries()) {
      const r = await call(i % 2 === 0 ? gw1 : gw2, olek, POST, {
        input: {
          accountId: checking,
          amount: { amount: `-${amount}`, currency: "USD" },
          date: `2026-11-0${1 + (i % 9)}`,
          payee: "Shop",
          categoryId: groceries,
        },
      });
      expect(r.errors).toBeUndefined();
    }
    // 1.25 × (1 + 2 + … + 10)
    const total = "68.75";
    // Read through both gateways, hence from both budgets instances and both ledger instances.
    for (const gateway of [gw1, gw2]) {
      await eventually(async () => expect((await ok(gateway, olek, SPENT, { id: budgetId })).budget.progress.spent.amount).toBe(total));
      expect((await ok(gateway, olek, BALANCE, { id: checking })).account.balance.amount).toBe(`-${total}`);
    }
  });

  it("runs the recurring job once across instances: one posting and one bill reminder although both ledgers run it", async () => {
    const rosa = await register(gw1, "Rosa");
    const checking = await account(gw2, rosa);
    const schedule = async (payee: string, startDate: string) =>
      (
        await ok(gw1, rosa, CREATE_RECURRING, {
          input: {
            accountId: checking,
            amount: { amount: "-80.00", currency: "USD" },
            payee,
            frequency: "MONTHLY",
            startDate,
            remindDaysBefore: 3,
          },
        })
      ).createRecurringTransaction;
    // Due today: posted. Due in two days: not posted yet, but its reminder (3 days before) is due.
    const rent = await schedule("Landlord", TODAY);
    const power = await schedule("Power Co", "2026-11-12");
    expect([rent.nextDue, power.nextDue]).toEqual([TODAY, "2026-11-12"]);

    // Both instances' jobs at once, twice each (their own timers may run a pass as well).
    const passes = await Promise.all(
      [ledgerDeps(a), ledgerDeps(b), ledgerDeps(a), ledgerDeps(b)].map((deps) => deps.recurringJob.run(TODAY)),
    );
    expect(passes.reduce((n, p) => n + p.posted, 0)).toBeLessThanOrEqual(1);
    expect(passes.reduce((n, p) => n + p.reminded, 0)).toBeLessThanOrEqual(1);

    const ledger = db();
    const occurrences = await ledger.query(
      `SELECT id, to_char(occurrence_date, 'YYYY-MM-DD') AS d FROM ledger.transactions WHERE schedule_id = $1`,
      [rent.id],
    );
    expect(occurrences.map((r: { d: string }) => r.d)).toEqual([TODAY]);
    const reminders = await ledger.query(`SELECT 1 FROM ledger.outbox WHERE type = 'BillDue' AND envelope->'data'->>'scheduleId' = $1`, [
      power.id,
    ]);
    expect(reminders).toHaveLength(1);
    for (const gateway of [gw1, gw2]) {
      const { transactions } = await ok(gateway, rosa, `{ transactions(filter: { search: "Landlord" }) { nodes { id date } } }`);
      expect(transactions.nodes).toEqual([{ id: occurrences[0].id, date: TODAY }]);
    }
    // The reminder became one in-app notification, by whichever insights instance owns the partition.
    await eventually(async () => {
      const { notifications } = await ok(gw2, rosa, `{ notifications { nodes { kind } } }`);
      expect(notifications.nodes.filter((n: { kind: string }) => n.kind === "BILL_DUE")).toHaveLength(1);
    });
  });

  it("relays each outbox row once across both instances' relays (counted by a probe consumer group)", async () => {
    const ledger = db();
    const rows = async (): Promise<Array<{ id: string; topic: string; published: boolean }>> =>
      ledger.query(
        `SELECT envelope->>'id' AS id, topic, published_at IS NOT NULL AS published FROM ledger.outbox WHERE topic = ANY($1) AND key = ANY($2)
         UNION ALL
         SELECT envelope->>'id' AS id, topic, published_at IS NOT NULL AS published FROM budgets.outbox WHERE topic = ANY($1) AND key = ANY($2)`,
        [PROBED, users],
      );
    const sent = await eventually(async () => {
      const all = await rows();
      expect(all.filter((r) => !r.published)).toEqual([]);
      return all;
    });
    // Only this file's relays publish to these topics: the probe must have read every partition to its end.
    const ends = new Map<string, number>();
    for (const topic of PROBED)
      for (const p of await admin.fetchTopicOffsets(prefix + topic))
        if (Number(p.high) > 0) ends.set(`${topic}:${p.partition}`, Number(p.high));
    await eventually(() => {
      const read = new Map<string, number>();
      for (const m of probed)
        read.set(`${m.topic}:${m.partition}`, Math.max(read.get(`${m.topic}:${m.partition}`) ?? -1, Number(m.offset)));
      for (const [partition, high] of ends) expect(read.get(partition), partition).toBe(high - 1);
    });
    const delivered = new Map<string, number>();
    for (const m of probed.filter((m) => users.includes(m.key)))
      delivered.set(m.headers["event-id"]!, (delivered.get(m.headers["event-id"]!) ?? 0) + 1);
    const expected = new Map(sent.map((r) => [r.id, 1]));
    expect(sent.length).toBeGreaterThan(10);
    expect(delivered).toEqual(expected);
  });

  it("shares automatic persisted queries and per-user rate limits between gateways through Redis", async () => {
    const sam = await registerThrough(gw1.url, "Sam");
    const query = `query Apq${suffix} { me { id } }`;
    const persistedQuery = { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") };
    const hashOnly = (gateway: RunningGateway) => postGraphQL(gateway.url, { extensions: { persistedQuery } }, sam.headers);
    expect((await hashOnly(gw2)).errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(await postGraphQL(gw1.url, { query, extensions: { persistedQuery } }, sam.headers)).toEqual({
      status: 200,
      data: { me: { id: sam.id } },
    });
    // Apollo stores the registration without waiting for it.
    await eventually(async () => expect(await hashOnly(gw2)).toEqual({ status: 200, data: { me: { id: sam.id } } }));

    // Small budgets on a second pair of gateways, so the rest of this file keeps its own.
    const small: RateLimits = { ...TEST_RATE_LIMITS, user: 60, windowMs: 60_000 };
    const [limited1, limited2] = [
      await gatewayOver(a, b, { rateLimits: small, bus: undefined }),
      await gatewayOver(b, a, { rateLimits: small, bus: undefined }),
    ];
    const LIST = `query($n: Int!) { transactions(first: $n) { nodes { id } } }`;
    const schema = buildSchema(readFileSync(new URL("../schema/api.graphql", import.meta.url), "utf8"));
    const cost = operationCost(schema, parse(LIST), { variables: { n: 9 }, limits: DEFAULT_OPERATION_LIMITS });
    const fits = Math.floor(small.user / cost);
    expect(fits).toBeGreaterThanOrEqual(2);
    const list = (gateway: RunningGateway, user: RegisteredUser): Promise<GraphQLResult> => call(gateway, user, LIST, { n: 9 });
    const tess = await registerThrough(gw1.url, "Tess");
    // Half the budget on one gateway, the rest on the other: then both refuse.
    for (let i = 0; i < fits; i++) expect((await list(i < fits / 2 ? limited1 : limited2, tess)).errors).toBeUndefined();
    for (const gateway of [limited1, limited2]) {
      const refused = await list(gateway, tess);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", limit: small.user });
    }
    // Another user still has a budget there: the refusal was Tess's shared spend.
    expect((await list(limited2, await registerThrough(gw2.url, "Uma"))).errors).toBeUndefined();
  });
});
