/**
 * `npm run bench:groups`: how fast shared expenses, settle-up plans and live group savings are.
 *   1. addGroupExpense through the gateway, closed loop at 1, 8 and 32 clients: expenses/s, p50/p99,
 *      errors. One group of 10 members (the owner, 3 invited users, 6 placeholders), an EQUAL split
 *      over all of them, the owner paying; no idempotency key, so every request records its own
 *      expense. A response counts only if it carries data.addGroupExpense.id and no GraphQL errors;
 *      afterwards the rows in groups.expenses (and their lines) are counted against the successes,
 *      and that group's balances and plan are read back (sums over every line, never stored).
 *   2. settlementPlan for 5, 10, 15 and 20 members with a non-zero balance (exact search) and 200
 *      (greedy): (a) the pure function (subgraphs/groups/balances/settle-up.ts) on fresh random
 *      balances summing to zero, all distinct in absolute value (bench/groups/plan-cases.ts), timed
 *      before any server starts; (b) `group(id) { settlementPlan { amount { amount } } }` through the
 *      gateway, sequential requests, on a group per size whose balances one EXACT expense set (the
 *      owner and n − 1 placeholders, added through the API). Each answer's transfer count is checked
 *      against the pure function's for the same balances.
 *   3. Live fan-out of one contributeToGroupSavingsGoal to 1,000 and then 5,000 graphql-ws
 *      subscribers of one goal (groupSavingsGoalUpdated, audience "lookup": the gateway resolves the
 *      goal once per distinct subscriber, so per member). 10 subscriptions (sockets) per member: 100
 *      members for 1,000, 500 (the group cap) for 5,000; sockets are kept between sizes. Per
 *      subscriber, the time from the mutation's HTTP response to the first frame with the new
 *      `saved`: first, p50/p99/max, and how many received it. Members are users registered through
 *      the gateway (argon2id, a few at a time) who join by invite code.
 * Real PostgreSQL, Kafka and Redis (bench/live/stack.ts: fresh database, topic and key prefixes,
 * removed at the end); every subgraph in one child process, the gateway (rate limits off) in
 * another; autocannon, the subscribers and the timing in this one. Progress goes to stderr; stdout is
 * the result as markdown, ready to paste into a note.
 *
 * Settings:
 *   BENCH_DURATION                 s per addGroupExpense run (default 5)
 *   BENCH_WARMUP                   s of addGroupExpense warm-up at 8 clients (default 2)
 *   BENCH_CLIENTS                  comma list of client counts (default 1,8,32)
 *   BENCH_GROUPS_MEMBERS           members of the expense group (default 10; 4 of them signed-in users)
 *   BENCH_GROUPS_PLAN_SIZES        comma list of non-zero balances per plan (default 5,10,15,20,200; at most 500)
 *   BENCH_GROUPS_PLAN_SECONDS      s of pure settlementPlan calls per size (default 2, at least 5 calls)
 *   BENCH_GROUPS_PLAN_REQUESTS     settlementPlan requests through the gateway per size (default 100)
 *   BENCH_GROUPS_SUBSCRIBERS       comma list of subscriber counts, ascending (default 1000,5000)
 *   BENCH_GROUPS_PER_MEMBER        subscriptions per member (default 10; members = subscribers / this, at most 500)
 *   BENCH_GROUPS_REGISTRATIONS     registrations at a time (default 4)
 *   BENCH_LIVE_BATCH               sockets opened at once (default 200)
 *   BENCH_SEED                     seed of the random balances (default 12)
 *   BENCH_POSTGRES_URL, BENCH_KAFKA_BROKERS, BENCH_REDIS_URL, BENCH_LOG_LEVEL  as for bench:live
 */
import { availableParallelism, loadavg } from "node:os";

import pg from "pg";

import { parseAmount } from "../platform/money/money.js";
import { settlementPlan } from "../subgraphs/groups/balances/settle-up.js";
import {
  addPlaceholders,
  type BenchUser,
  createGroup,
  CURRENCY,
  eur,
  expenseLeaving,
  gatewayCall,
  joinAll,
  registerUsers,
} from "./groups/api.js";
import { asMembers, hardBalances, type PureTiming, seededRandom, timePureSettlementPlan } from "./groups/plan-cases.js";
import { databaseUrl } from "./ledger/postgres.js";
import { type FanOut, measureFanOut, openMore, warmUp } from "./live/fan-out.js";
import { ensureOpenFiles } from "./live/services.js";
import { LiveStack } from "./live/stack.js";
import { summarize } from "./stats.js";
import { closedLoop, type ClosedLoopRun } from "./support/closed-loop.js";
import { bearer } from "./support/graphql.js";
import { positiveInteger, positiveIntegers, positiveNumber } from "./support/settings.js";
import { markdownTable } from "./support/table.js";
import { runClock, timeSequential } from "./support/wait.js";

const DURATION = positiveNumber("BENCH_DURATION", 5);
const WARMUP = positiveNumber("BENCH_WARMUP", 2);
const CLIENTS = positiveIntegers("BENCH_CLIENTS", "1,8,32");
const MEMBERS = positiveInteger("BENCH_GROUPS_MEMBERS", 10);
const PLAN_SIZES = positiveIntegers("BENCH_GROUPS_PLAN_SIZES", "5,10,15,20,200");
const PLAN_SECONDS = positiveNumber("BENCH_GROUPS_PLAN_SECONDS", 2);
const PLAN_REQUESTS = positiveInteger("BENCH_GROUPS_PLAN_REQUESTS", 100);
const SUBSCRIBERS = positiveIntegers("BENCH_GROUPS_SUBSCRIBERS", "1000,5000", { ascending: true });
const PER_MEMBER = positiveInteger("BENCH_GROUPS_PER_MEMBER", 10);
const REGISTRATIONS = positiveInteger("BENCH_GROUPS_REGISTRATIONS", 4);
const BATCH = positiveInteger("BENCH_LIVE_BATCH", 200);
const SEED = positiveInteger("BENCH_SEED", 12);
/** The groups subgraph's cap on active members. */
const MAX_MEMBERS = 500;
const SIGNED_IN = Math.min(4, MEMBERS);
const LIVE_MEMBERS = Math.ceil(Math.max(...SUBSCRIBERS) / PER_MEMBER);
if (MEMBERS < 2 || Math.max(...PLAN_SIZES) > MAX_MEMBERS || Math.min(...PLAN_SIZES) < 2 || LIVE_MEMBERS > MAX_MEMBERS)
  throw new Error(`groups have 2 to ${MAX_MEMBERS} members: check BENCH_GROUPS_MEMBERS, _PLAN_SIZES, _SUBSCRIBERS / _PER_MEMBER`);

const ADD_EXPENSE = `mutation($input: AddGroupExpenseInput!) { addGroupExpense(input: $input) { id } }`;
const PLAN = `query($id: ID!) { group(id: $id) { settlementPlan { amount { amount } } } }`;
const BALANCES = `query($id: ID!) { group(id: $id) { balances { member { displayName } amount { amount } } settlementPlan { amount { amount } } } }`;
const SUBSCRIPTION = `subscription($id: ID!) { groupSavingsGoalUpdated(id: $id) { id saved { amount } remaining { amount } progressPercent status contributions { member { displayName } amount { amount } } } }`;
const CONTRIBUTE = `mutation($i: GroupSavingsGoalMovementInput!) { contributeToGroupSavingsGoal(input: $i) { saved { amount } } }`;
/** Access tokens live 15 minutes; sockets close when theirs expires, so the run must fit. */
const RUN_LIMIT_MS = 13 * 60_000;
const FANOUT_TIMEOUT_MS = 60_000;

const limits = ensureOpenFiles(Math.max(...SUBSCRIBERS) + 1024);
const clock = runClock(RUN_LIMIT_MS);
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
const summaryMs = (samples: number[]) => {
  const s = summarize(samples);
  return `p50 ${f1(s.p50)} ms, p99 ${f1(s.p99)} ms, max ${f1(s.max)} ms`;
};
const f3 = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : "-");
const random = seededRandom(SEED);
// Everything shares the machine: a busy one (other work, as load shows) makes every figure worse.
const loadAtStart = loadavg()[0]!;

// 2a first, before this run starts its servers, so the pure function has the cores to itself (as far as this run goes).
const pure: PureTiming[] = PLAN_SIZES.map((n) => {
  const timing = timePureSettlementPlan(n, PLAN_SECONDS, 5, random);
  clock.note(`pure settlementPlan, ${n} members: median ${f3(timing.medianMs)} ms over ${timing.iterations} cases`);
  return timing;
});

const stack = new LiveStack("groups");
const sockets = stack.sockets;

try {
  // One client registers every member: the per-IP registration limit would measure the throttle.
  const { gateway: gw, wsUrl } = await stack.start({ REGISTRATIONS_PER_IP_PER_HOUR: "1000000" });
  const call = gatewayCall(gw.url);
  const emailPrefix = stack.cachePrefix;
  const [owner] = (await registerUsers(call, emailPrefix, 1, 1)) as [BenchUser];
  clock.note(`servers ready (gateway pid ${gw.pid})`);

  // 1. addGroupExpense.
  const invited = await registerUsers(call, `${emailPrefix}.expenses`, SIGNED_IN - 1, REGISTRATIONS);
  const expenses = await createGroup(call, owner, "Bench expenses");
  const memberIds = [
    expenses.ownerMemberId,
    ...(await joinAll(call, owner, expenses.groupId, invited)),
    ...(await addPlaceholders(call, owner, expenses.groupId, MEMBERS - SIGNED_IN)),
  ];
  const input = {
    groupId: expenses.groupId,
    description: "Groceries",
    amount: eur(12_345n),
    date: "2026-11-20",
    paidBy: [{ memberId: expenses.ownerMemberId, amount: eur(12_345n).amount }],
    split: { mode: "EQUAL", parts: memberIds.map((memberId) => ({ memberId })) },
  };
  const expenseLoop = (connections: number, seconds: number) =>
    closedLoop({
      url: gw.url,
      headers: bearer(owner.token),
      query: ADD_EXPENSE,
      variables: { input },
      connections,
      seconds,
      succeeded: (data) => typeof data?.addGroupExpense?.id === "string",
    });
  let successes = (await expenseLoop(8, WARMUP)).ok;
  const expenseRuns: Array<{ clients: number; run: ClosedLoopRun }> = [];
  for (const clients of CLIENTS) {
    const run = await expenseLoop(clients, DURATION);
    successes += run.ok;
    expenseRuns.push({ clients, run });
    clock.note(`addGroupExpense, ${clients} clients: ${run.perSecond.toFixed(0)}/s, ${run.errors} errors`);
  }
  const db = new pg.Client({ connectionString: databaseUrl(stack.database) });
  await db.connect();
  const [stored] = (
    await db.query(
      `SELECT count(*)::int AS expenses, (SELECT count(*)::int FROM groups.expense_lines l JOIN groups.expenses e ON e.id = l.expense_id WHERE e.group_id = $1) AS lines
       FROM groups.expenses WHERE group_id = $1`,
      [expenses.groupId],
    )
  ).rows as [{ expenses: number; lines: number }];
  await db.end();
  // Balances are sums over every expense line, never stored: read them on the group part 1 filled.
  let unbalanced = 0;
  const balancesMs = await timeSequential(PLAN_REQUESTS, 5, async () => {
    const answer = await call(BALANCES, { id: expenses.groupId }, owner);
    const amounts = (answer.data.group.balances as Array<{ amount: { amount: string } }>).map((b) =>
      parseAmount(b.amount.amount, CURRENCY),
    );
    if (amounts.reduce((sum, a) => sum + a.amountMinor, 0n) !== 0n) unbalanced++;
    return answer.ms;
  });

  // 2b. settlementPlan through the gateway, one group per size.
  const planRows: Array<{ timing: PureTiming; expected: number; ms: number[]; wrong: number }> = [];
  for (const timing of pure) {
    const n = timing.members;
    const group = await createGroup(call, owner, `Bench plan ${n}`);
    const members = [group.ownerMemberId, ...(await addPlaceholders(call, owner, group.groupId, n - 1))];
    const amounts = hardBalances(n, random);
    await expenseLeaving(call, owner, group.groupId, new Map(members.map((id, i) => [id, amounts[i]!])));
    // Members were listed in join order, as the subgraph ranks them.
    const { balances, rank } = asMembers(amounts);
    const expected = settlementPlan(balances, rank).length;
    let wrong = 0;
    // The first 5 warm the path (query plan, statements) and are not counted.
    const ms = await timeSequential(PLAN_REQUESTS, 5, async () => {
      const answer = await call(PLAN, { id: group.groupId }, owner);
      if (answer.data.group.settlementPlan.length !== expected) wrong++;
      return answer.ms;
    });
    planRows.push({ timing, expected, ms, wrong });
    clock.note(`settlementPlan via the gateway, ${n} members: p50 ${f1(summarize(ms).p50)} ms, ${expected} transfers`);
  }

  // 3. Live fan-out: members register and join, then subscribe PER_MEMBER times each.
  clock.checkTime("registering members");
  const registerStarted = performance.now();
  const joiners = await registerUsers(call, `${emailPrefix}.live`, LIVE_MEMBERS - 1, REGISTRATIONS);
  const registerSeconds = (performance.now() - registerStarted) / 1000;
  clock.note(`${joiners.length} users registered in ${registerSeconds.toFixed(1)} s`);
  const live = await createGroup(call, owner, "Bench live");
  await joinAll(call, owner, live.groupId, joiners);
  const users = [owner, ...joiners];
  const goalId = (
    await call(
      `mutation($i: CreateGroupSavingsGoalInput!) { createGroupSavingsGoal(input: $i) { id } }`,
      { i: { groupId: live.groupId, name: "Bench trip", target: eur(100_000_000_00n) } },
      owner,
    )
  ).data.createGroupSavingsGoal.id as string;
  clock.note(`${users.length} members in the live group`);

  const openSockets = (count: number) =>
    openMore(gw, sockets, count, {
      wsUrl,
      batch: BATCH,
      subscriber: (index) => ({ token: users[Math.floor(index / PER_MEMBER)]!.token, query: SUBSCRIPTION, variables: { id: goalId } }),
      beforeBatch: () => clock.checkTime("opening sockets"),
    });
  let expectedSaved = "";
  const contribute = async () => {
    const answer = await call(CONTRIBUTE, { i: { goalId, amount: eur(100n) } }, owner);
    expectedSaved = answer.data.contributeToGroupSavingsGoal.saved.amount as string;
    return answer;
  };
  const fanOut = () =>
    measureFanOut(sockets, contribute, (data) => data?.groupSavingsGoalUpdated?.saved?.amount === expectedSaved, FANOUT_TIMEOUT_MS);

  await warmUp(gw, sockets, openSockets, fanOut);

  const liveRows: Array<FanOut & { size: number; members: number; openSeconds: number; rssMiB: number }> = [];
  for (const size of SUBSCRIBERS) {
    const openStarted = performance.now();
    await openSockets(size - sockets.length);
    const openSeconds = (performance.now() - openStarted) / 1000;
    const stats = await gw.stats(true);
    const result = await fanOut();
    liveRows.push({ ...result, size, members: Math.ceil(size / PER_MEMBER), openSeconds, rssMiB: stats.rssBytes / 2 ** 20 });
    clock.note(`${size} subscribers: ${result.received} received, p50 ${f1(result.p50)} ms, p99 ${f1(result.p99)} ms`);
  }

  // The result, as markdown.
  const fd = limits ? `${limits.soft}` : "unknown";
  const lines = [
    `## Groups benchmark (\`npm run bench:groups\`)`,
    ``,
    `${availableParallelism()} cores, Node ${process.version}, open-file limit ${fd}, 1-minute load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end; ${stack.describe()}.`,
    `Every subgraph in one child process, the gateway (rate limits off) in another; autocannon, subscribers and timing in this one.`,
    ``,
    `### 1. addGroupExpense through the gateway`,
    ``,
    `Closed loop, ${DURATION} s per run after ${WARMUP} s of warm-up at 8 clients; ${MEMBERS} members (${SIGNED_IN} signed in, ${MEMBERS - SIGNED_IN} placeholders), EQUAL split over all, one payer, no idempotency key. Errors: non-JSON, GraphQL errors, no id, socket errors, timeouts.`,
    ``,
    markdownTable(
      ["clients", "expenses/s", "p50 ms", "p99 ms", "errors"],
      expenseRuns.map(({ clients, run }) => [String(clients), run.perSecond.toFixed(0), f1(run.p50), f1(run.p99), String(run.errors)]),
    ),
    ``,
    `Rows in groups.expenses: ${stored.expenses}; successful responses (warm-up included): ${successes} (rows − successes = ${stored.expenses - successes}: requests in flight when a run stopped${stored.expenses < successes ? "; FEWER ROWS THAN SUCCESSES" : ""}); expense lines ${stored.lines} (${MEMBERS} per expense: ${stored.lines === stored.expenses * MEMBERS ? "yes" : "NO"}).`,
    ``,
    `Reading them back: \`${BALANCES}\` on that group (${stored.expenses} expenses), ${PLAN_REQUESTS} sequential requests after 5 untimed: ${summaryMs(balancesMs)}; balances not summing to zero: ${unbalanced}.`,
    ``,
    `### 2. settlementPlan`,
    ``,
    `Pure: settle-up.ts's settlementPlan on fresh random balances summing to zero, all distinct in absolute value (seed ${SEED}), for ${PLAN_SECONDS} s per size after 3 untimed calls. Gateway: \`group(id) { settlementPlan { amount { amount } } }\`, ${PLAN_REQUESTS} sequential requests after 5 untimed, on a group whose balances one EXACT expense set; every answer's transfer count checked against the pure function's.`,
    ``,
    markdownTable(
      [
        "non-zero members",
        "search",
        "pure calls",
        "median ms",
        "p99 ms",
        "max ms",
        "transfers",
        "gateway p50 ms",
        "p99 ms",
        "max ms",
        "wrong answers",
      ],
      planRows.map(({ timing, expected, ms, wrong }) => {
        const s = summarize(ms);
        const transfers = timing.transfers[0] === timing.transfers[1] ? String(expected) : `${timing.transfers.join("–")} (${expected})`;
        return [
          String(timing.members),
          timing.method,
          String(timing.iterations),
          f3(timing.medianMs),
          f3(timing.p99Ms),
          f3(timing.maxMs),
          transfers,
          f1(s.p50),
          f1(s.p99),
          f1(s.max),
          String(wrong),
        ];
      }),
    ),
    ``,
    `Transfers: the plan's length on the pure cases (range when they differed; the gateway group's in brackets).`,
    ``,
    `### 3. Live fan-out of one contributeToGroupSavingsGoal`,
    ``,
    `graphql-ws subscribers of one goal, ${PER_MEMBER} subscriptions (one socket each) per member, members registered through the gateway (${joiners.length} in ${registerSeconds.toFixed(1)} s, ${REGISTRATIONS} at a time) and joined by invite code; sockets kept between sizes. Latency: the mutation's HTTP response → each subscriber's first frame with the new saved. Subscription: \`${SUBSCRIPTION}\``,
    ``,
    markdownTable(
      [
        "subscribers",
        "members (lookups)",
        "received",
        "first ms",
        "p50 ms",
        "p99 ms",
        "max ms",
        "mutation ms",
        "open s",
        "gateway RSS MiB",
      ],
      liveRows.map((r, i) => [
        String(r.size),
        String(r.members),
        `${r.received}/${r.size}`,
        f1(r.first),
        f1(r.p50),
        f1(r.p99),
        f1(r.max),
        f1(r.mutationMs),
        `${r.openSeconds.toFixed(1)} (+${r.size - (liveRows[i - 1]?.size ?? 0)})`,
        f1(r.rssMiB),
      ]),
    ),
    ``,
    `Total time ${clock.elapsedS()} s.`,
  ];
  console.log(lines.join("\n"));
  const negatives = liveRows.reduce((n, r) => n + r.negative, 0);
  if (negatives > 0)
    console.log(`\n${negatives} frames arrived before the mutation's HTTP response (negative latencies, counted as they are).`);
  if (
    expenseRuns.some((r) => r.run.errors > 0) ||
    stored.expenses < successes ||
    stored.lines !== stored.expenses * MEMBERS ||
    planRows.some((r) => r.wrong > 0) ||
    unbalanced > 0 ||
    liveRows.some((r) => r.received < r.size)
  )
    process.exitCode = 1;
} finally {
  await stack.cleanUp();
}
