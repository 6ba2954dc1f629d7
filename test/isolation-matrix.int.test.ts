import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { type GraphQLSchema, isListType, isNonNullType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { INTERNAL_TOKEN_HEADER, InternalTokenSigner } from "../platform/auth/internal-token.js";
import { eventually } from "../platform/testing/eventually.js";
import { realServicesConfig } from "../platform/testing/services.js";
import { liveClients } from "./harness/live-client.js";
import { type GraphQLResult, postGraphQL, type RegisteredUser, startTestSupergraph, type TestSupergraph } from "./harness/supergraph.js";
import { completeSplits, COVERAGE, ENTITY_KINDS, type SlotCoverage } from "./isolation/coverage.js";
import { LOADER_SUBGRAPHS, loadersOf, probeLoaders } from "./isolation/loader-probes.js";
import { apiSchema, entityTypes, type IdField, idTakingFields, operationFor, setSlot, snapshotSelection } from "./isolation/schema-ids.js";
import { buildWorld, type World } from "./isolation/world.js";

/** A's writes that announce a live update, one per subscription that can be triggered cheaply; the others (a report, an import, a receipt, a rule run: announced only while their job runs) are checked for silence. */
const LIVE_WRITES: Record<string, { query: string; vars: (a: World) => Record<string, unknown> }> = {
  "Subscription.budgetUpdated": {
    query: `mutation($id: ID!) { updateBudget(id: $id, input: { name: "Alicetag budget 2" }) { id } }`,
    vars: (a) => ({ id: a.budget }),
  },
  "Subscription.savingsGoalUpdated": {
    query: `mutation($id: ID!) { updateSavingsGoal(id: $id, input: { name: "Alicetag goal 2" }) { id } }`,
    vars: (a) => ({ id: a.savingsGoal }),
  },
  "Subscription.groupSavingsGoalUpdated": {
    query: `mutation($id: ID!) { contributeToGroupSavingsGoal(input: { goalId: $id, amount: { amount: "1.00", currency: "USD" } }) { id } }`,
    vars: (a) => ({ id: a.groupGoal }),
  },
  "Subscription.groupUpdated": {
    query: `mutation($id: ID!) { renameGroup(id: $id, name: "Alicetag flat 2") { id } }`,
    vars: (a) => ({ id: a.group }),
  },
  "Subscription.groupActivity": {
    query: `mutation($id: ID!) { addGroupComment(input: { expenseId: $id, body: "Alicetag second thoughts" }) { id } }`,
    vars: (a) => ({ id: a.groupExpense }),
  },
  "Subscription.portfolioUpdated": {
    query: `mutation($id: ID!) { renamePortfolio(id: $id, name: "Alicetag brokerage 2") { id } }`,
    vars: (a) => ({ id: a.portfolio }),
  },
};

const owned = (c: SlotCoverage | undefined): c is string => typeof c === "string";

/** "NOT_FOUND", "NULL" (no error, null answer), "OK", or another error code. */
function outcome(r: GraphQLResult, field: string): string {
  const code = r.errors?.[0]?.extensions?.code as string | undefined;
  if (code) return code;
  if (r.status === 401) return "UNAUTHENTICATED";
  return r.data?.[field] === null || r.data === null ? "NULL" : "OK";
}

/** The call itself is malformed (the test's fault, not the API's): it proves nothing. */
const malformed = (r: GraphQLResult) =>
  r.errors?.some((e) => /GRAPHQL_(VALIDATION|PARSE)_FAILED/.test(String(e.extensions?.code)) || /^Variable "\$/.test(e.message)) ?? false;

describe("isolation matrix over the whole schema (real PostgreSQL, Redis and Kafka)", () => {
  let sg: TestSupergraph;
  let schema: GraphQLSchema;
  let fields: IdField[];
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let a: World;
  let b: World;
  let hooks: Server;
  let before: Record<string, unknown>;
  let loopback: string | undefined;
  const live = liveClients(() => sg);
  /** A's ids and the tag in A's names: none may show in anything B is answered. */
  const leaks = (data: unknown): string[] => {
    const text = JSON.stringify(data ?? null);
    return [...Object.values(a).filter((v) => v !== b.user), "Alicetag"].filter((v) => text.includes(v));
  };

  beforeAll(async () => {
    schema = apiSchema();
    fields = idTakingFields(schema);
    hooks = createServer((_req, res) => res.writeHead(200).end());
    await new Promise<void>((resolve) => hooks.listen(0, "127.0.0.1", resolve));
    const hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}`;
    // The webhook receiver is on loopback, which production refuses; insights reads this when it starts.
    loopback = process.env.WEBHOOKS_ALLOW_LOOPBACK;
    process.env.WEBHOOKS_ALLOW_LOOPBACK = "true";
    sg = await startTestSupergraph(realServicesConfig());
    [alice, bob] = [await sg.register("Alicetag"), await sg.register("Bobtag")];
    [a, b] = await Promise.all([buildWorld(sg, alice, "Alicetag", hookUrl), buildWorld(sg, bob, "Bobtag", hookUrl)]);
    // A valid invite into a third user's group, for B to try claiming A's placeholder with.
    const carol = await sg.register("Carol");
    const group = await sg.query(`mutation { createGroup(input: { name: "C", currency: "USD" }) { id } }`, {}, carol.headers);
    const invite = await sg.query(
      `mutation($g: ID!) { createGroupInvite(groupId: $g) { code } }`,
      { g: group.data.createGroup.id },
      carol.headers,
    );
    b.joinCode = invite.data.createGroupInvite.code;
    before = await snapshot();
  }, 120_000);

  afterAll(async () => {
    await live.closeAll();
    await sg?.close();
    await new Promise((resolve) => hooks?.close(resolve));
    if (loopback === undefined) delete process.env.WEBHOOKS_ALLOW_LOOPBACK;
    else process.env.WEBHOOKS_ALLOW_LOOPBACK = loopback;
  });

  /** A's objects as A reads them: every single-object read by A's id, and every list without required arguments. */
  async function snapshot(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const f of fields.filter((f) => f.operation === "query" && f.slots.length === 1 && f.slots[0]!.path === "id")) {
      const kind = COVERAGE[f.coordinate]?.ids.id;
      if (!owned(kind)) continue;
      const r = await sg.query(
        `query($id: ID!) { ${f.field.name}(id: $id) ${snapshotSelection(f.field.type)} }`,
        { id: a[kind] },
        alice.headers,
      );
      out[f.coordinate] = r.errors ?? r.data;
    }
    const lists = Object.values(schema.getQueryType()!.getFields()).filter(
      (f) =>
        isListType(isNonNullType(f.type) ? f.type.ofType : f.type) &&
        !f.args.some((x) => isNonNullType(x.type) && x.defaultValue === undefined),
    );
    for (const f of lists) {
      const r = await sg.query(`{ ${f.name} ${snapshotSelection(f.type)} }`, {}, alice.headers);
      out[`Query.${f.name}`] = r.errors ?? r.data;
    }
    return out;
  }

  it("covers every ID-taking field of schema/api.graphql and every entity type of every subgraph", () => {
    const missing: string[] = [];
    for (const f of fields) {
      const entry = COVERAGE[f.coordinate];
      if (!entry) missing.push(`${f.coordinate} (${f.slots.map((s) => s.path).join(", ")})`);
      else for (const s of f.slots) if (!(s.path in entry.ids)) missing.push(`${f.coordinate} ${s.path}`);
    }
    const stale = Object.keys(COVERAGE).filter((c) => !fields.some((f) => f.coordinate === c));
    const entities = entityTypes(sg.all.subgraphs.map((s) => s.name)).filter((e) => !(e.type in ENTITY_KINDS));
    expect({ missing, stale, entities: entities.map((e) => `${e.subgraph}.${e.type}`) }).toEqual({ missing: [], stale: [], entities: [] });
    for (const kind of Object.values(COVERAGE)
      .flatMap((c) => Object.values(c.ids))
      .filter(owned))
      expect(a, kind).toHaveProperty(kind);
  });

  it("answers B with A's ids exactly as with ids that do not exist, and never with A's data", async () => {
    const failures: string[] = [];
    const outcomes: Record<string, string> = {};
    for (const f of fields.filter((f) => f.operation !== "subscription")) {
      const entry = COVERAGE[f.coordinate]!;
      const query = operationFor(f);
      const base = (): Record<string, any> => {
        const v = structuredClone(entry.vars?.(b) ?? {});
        for (const s of f.slots.filter((s) => s.required)) {
          const kind = entry.ids[s.path];
          setSlot(v, s, owned(kind) ? b[kind]! : randomUUID());
        }
        return v;
      };
      for (const slot of f.slots) {
        const kind = entry.ids[slot.path];
        if (!owned(kind)) continue;
        const call = async (id: string) => {
          const v = base();
          setSlot(v, slot, id);
          completeSplits(v);
          return sg.query(query, v, bob.headers);
        };
        // A's id first: were it wrongly accepted, the unknown id's call cannot have spoilt B's objects yet.
        const withA = await call(a[kind]!);
        const withUnknown = await call(randomUUID());
        const name = `${f.coordinate} ${slot.path}`;
        const [oa, ou] = [outcome(withA, f.field.name), outcome(withUnknown, f.field.name)];
        outcomes[name] = `${oa} / ${ou}`;
        if (malformed(withA) || malformed(withUnknown)) failures.push(`${name}: malformed call ${JSON.stringify(withUnknown.errors)}`);
        const leaked = leaks(withA.data);
        if (leaked.length) failures.push(`${name}: B was answered A's data (${leaked.join(", ")}): ${JSON.stringify(withA.data)}`);
        if (oa !== ou) failures.push(`${name}: A's id gives ${oa}, an unknown id ${ou}: ${JSON.stringify(withA.errors ?? withA.data)}`);
        if (
          f.operation === "mutation" &&
          oa === "OK" &&
          !/^(Mutation\.(applyRules|markNotificationsRead|reorderRules))$/.test(f.coordinate)
        )
          failures.push(`${name}: B's mutation with A's id succeeded`);
      }
    }
    if (process.env.ISOLATION_VERBOSE) console.log(outcomes);
    expect(failures).toEqual([]);
  }, 120_000);

  it("resolves no entity of A's on any subgraph for B, nor for a caller without an internal token", async () => {
    const signer = new InternalTokenSigner(sg.all.platform.internalKeys.privateKey!);
    const asBob = { [INTERNAL_TOKEN_HEADER]: await signer.sign({ userId: bob.id, scopes: ["*"] }, "isolation") };
    const failures: string[] = [];
    for (const e of entityTypes(sg.all.subgraphs.map((s) => s.name))) {
      const selection = e.fields.length ? e.fields.join(" ") : "__typename";
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ${e.type} { ${selection} } } }`;
      const variables = { r: [{ __typename: e.type, id: a[ENTITY_KINDS[e.type]!] }] };
      for (const [who, headers] of [
        ["B", asBob],
        ["no token", {}],
      ] as const) {
        const r = await postGraphQL(sg.all.urls[e.subgraph]!, { query, variables }, headers);
        const entity = r.data?._entities?.[0];
        if (entity != null || (who === "no token" && !r.errors)) failures.push(`${e.subgraph}.${e.type} as ${who}: ${JSON.stringify(r)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  // Each read path on its own: a loader, a list, `_entities` and a live lookup each missing its owner
  // filter fails its own test here besides the field-by-field sweep above.
  it.each(LOADER_SUBGRAPHS)("%s's per-request loaders, called directly as B with A's ids, find nothing", async (name) => {
    const loaders = loadersOf(sg.all, name);
    expect(loaders, name).toBeDefined();
    const { leaks: leaked, blind } = await probeLoaders(name, loaders!, a, alice.id, bob.id);
    expect({ leaked, blind }).toEqual({ leaked: {}, blind: [] });
  });

  it("lists every subgraph with per-request loaders in the loader probes", () => {
    expect(sg.all.subgraphs.filter((s) => (s.deps as { loaders?: object } | undefined)?.loaders).map((s) => s.name)).toEqual(
      expect.arrayContaining([...LOADER_SUBGRAPHS]),
    );
    expect(sg.all.subgraphs.filter((s) => (s.deps as { loaders?: object } | undefined)?.loaders).length).toBe(LOADER_SUBGRAPHS.length);
  });

  it("answers B's own lists with nothing of A's", async () => {
    const lists = Object.values(schema.getQueryType()!.getFields()).filter(
      (f) =>
        isListType(isNonNullType(f.type) ? f.type.ofType : f.type) &&
        !f.args.some((x) => isNonNullType(x.type) && x.defaultValue === undefined),
    );
    const failures: string[] = [];
    for (const f of lists) {
      const r = await sg.query(`{ ${f.name} ${snapshotSelection(f.type)} }`, {}, bob.headers);
      // Errors about B's own objects (a price missing for B's security) are B's business; A's ids or names in them are not.
      const leaked = leaks({ data: r.data, errors: r.errors });
      if (leaked.length) failures.push(`Query.${f.name}: ${leaked.join(", ")}: ${JSON.stringify(r.errors ?? r.data).slice(0, 300)}`);
    }
    expect(lists.length).toBeGreaterThan(5);
    expect(failures).toEqual([]);
  });

  it("leaves A's data as it was", async () => {
    expect(await snapshot()).toEqual(before);
  });
  // After the snapshot: A's own writes here are what B's subscriptions must not hear of.
  it("gives B's subscriptions on A's ids nothing while A's own subscriptions hear A's updates", async () => {
    const subs = fields
      .filter((f) => f.operation === "subscription")
      .map((f) => {
        // Each live field takes one id (`id`, or `groupId` for a group's stream).
        const [argument, kind] = Object.entries(COVERAGE[f.coordinate]!.ids)[0]!;
        if (!owned(kind)) throw new Error(`${f.coordinate}: no owned id to subscribe with`);
        return {
          f,
          bob: live.subscribe(bob, operationFor(f), { [argument]: a[kind] }),
          alice: live.subscribe(alice, operationFor(f), { [argument]: a[kind] }),
        };
      });
    await eventually(() => expect(sg.gateway.liveStats().subscriptions).toBe(subs.length * 2));
    for (const [coordinate, write] of Object.entries(LIVE_WRITES)) {
      const r = await sg.query(write.query, write.vars(a), alice.headers);
      expect(r.errors, coordinate).toBeUndefined();
      const sub = subs.find((s) => s.f.coordinate === coordinate)!;
      // A hears it: the event went round, so B's copy of it would have been resolved by now too.
      await eventually(() => expect(sub.alice.results.length, coordinate).toBeGreaterThan(0));
    }
    for (const { f, bob: s } of subs) {
      for (const r of s.results) expect(leaks(r.data ?? null), f.coordinate).toEqual([]);
      expect(
        s.results.filter((r) => r.data?.[f.field.name] != null),
        f.coordinate,
      ).toEqual([]);
    }
  });
});
