/**
 * Event consumption for `npm run bench:insights`: users post transactions through the gateway's
 * `postTransaction` as fast as they are answered (one closed loop per user), and insights' read model
 * is counted every few milliseconds from here, so the run tells how fast insights' consumer takes
 * the ledger's events in while the ledger writes at full speed, and how far behind it is when the
 * writing stops.
 */
import type { DataSource } from "typeorm";

import { formatAmount, money } from "../../platform/money/index.js";
import { addDays } from "../../platform/time/index.js";
import { generateHistory } from "../../subgraphs/insights/test/support/history-generator.js";
import type { Usage } from "../gateway/process.js";
import { summarize } from "../stats.js";
import { bearer, graphql } from "../support/graphql.js";
import { sleep, until } from "../support/wait.js";

const PASSWORD = "plum-tractor-velvet-93";
const POST = `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`;
/** Share of posts left without a category: insights suggests one for each (its model is read for that). */
const UNCATEGORISED_SHARE = 0.2;
const POLL_MS = 25;

/** The generated history's categories as the ledger's default ones (registration creates them) name them. */
const LEDGER_CATEGORY: Record<string, string> = {
  groceries: "Groceries",
  restaurants: "Restaurants",
  coffee: "Restaurants",
  transport: "Public transport",
  fuel: "Fuel",
  pharmacy: "Health",
  clothing: "Shopping",
  electronics: "Shopping",
  travel: "Entertainment",
  gifts: "Shopping",
  entertainment: "Entertainment",
  charity: "Bills & subscriptions",
  rent: "Rent",
  utilities: "Utilities",
  salary: "Salary",
  subscriptions: "Bills & subscriptions",
  gym: "Health",
  insurance: "Bills & subscriptions",
  phone: "Bills & subscriptions",
  internet: "Bills & subscriptions",
};

export interface Poster {
  userId: string;
  accountId: string;
  /** Ledger category name → id. */
  categories: Map<string, string>;
  call: (query: string, variables: Record<string, unknown>) => Promise<unknown>;
}

/** `count` users registered through the gateway, each with a USD checking account and the ledger's default categories. */
export async function registerPosters(gatewayUrl: string, count: number, label: string): Promise<Poster[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, n) => {
      const registered = (
        await graphql(
          gatewayUrl,
          `
            mutation ($i: RegisterInput!) {
              register(input: $i) {
                accessToken
                user {
                  id
                }
              }
            }
          `,
          {
            i: { email: `bench.insights.${label}.${n}@example.com`, password: PASSWORD, displayName: `Poster ${n}` },
          },
        )
      ).data.register;
      const headers = bearer(registered.accessToken as string);
      const call = async (query: string, variables: Record<string, unknown>) =>
        (await graphql(gatewayUrl, query, variables, headers, 60_000)).data;
      const accountId = (
        await call(`mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, {
          i: { name: "Checking", type: "CHECKING", openingBalance: { amount: "1000.00", currency: "USD" }, openingDate: "2020-01-01" },
        })
      ).createAccount.id as string;
      // The ledger creates the default categories when it hears of the registration.
      const categories = await until(`poster ${n}'s default categories`, 30_000, async () => {
        const list = (await call(`query { categories { id name } }`, {})).categories as Array<{ id: string; name: string }>;
        return list.length >= 10 ? new Map(list.map((c) => [c.name, c.id])) : undefined;
      });
      return { userId: registered.user.id as string, accountId, categories, call };
    }),
  );
}

interface PostInput {
  payee: string;
  notes: string;
  amountMinor: bigint;
  categoryKey: string;
  categorised: boolean;
  daysAgo: number;
}

/** `count` realistic posts (payees as banks print them), a fifth without a category; the same every run. */
export function postInputs(count: number, seed = 7): PostInput[] {
  return generateHistory({ seed, count }).map((h, i) => ({
    payee: h.payee,
    notes: h.notes,
    amountMinor: h.amountMinor,
    categoryKey: h.categoryId,
    categorised: (i * 7) % 10 >= UNCATEGORISED_SHARE * 10,
    daysAgo: i % 90,
  }));
}

export interface ConsumptionRun {
  posts: number;
  categorised: number;
  postingSeconds: number;
  postsPerSecond: number;
  postP50: number;
  postP99: number;
  failedPosts: number;
  /** Kept by insights when the last post was answered. */
  consumedAtLastWrite: number;
  /** From the first post until insights had every transaction. */
  allSeconds: number;
  /** After the last post was answered, until insights had every transaction. */
  lagMs: number;
  consumedPerSecondWhilePosting: number;
  consumedPerSecondOverall: number;
  /** After the posting stopped: the consumer catching up without the ledger beside it. */
  catchUpPerSecond: number;
  /** Examples the categorizer stored (one per categorised transaction). */
  examples: number;
  suggestions: number;
  /** Each user's stored model: rows and bytes in categorizer_counts and categorizer_categories. */
  modelRowsPerUser: number;
  modelBytesPerUser: number;
  /** Each user's stored examples (one row per categorised transaction, so an edit can untrain it): bytes. */
  exampleBytesPerUser: number;
  /** CPU time of the subgraphs process over the posting, as a share of one core. */
  subgraphsCpuPercent: number;
}

/**
 * Each poster posts its share of `inputs` from its own closed loop; from the first post on, insights'
 * transactions of these users are counted every POLL_MS. One warm-up post per user first, waited for,
 * so every consumer is running before the clock starts.
 */
export async function postAndFollow(
  dataSource: DataSource,
  posters: readonly Poster[],
  inputs: readonly PostInput[],
  today: string,
  subgraphsUsage: () => Promise<Usage>,
  timeoutMs = 180_000,
): Promise<ConsumptionRun> {
  const ids = posters.map((p) => p.userId);
  const counts = async () => {
    const [row]: Array<{ t: number; e: number }> = await dataSource.query(
      `SELECT (SELECT count(*) FROM insights.transactions WHERE user_id = ANY($1::uuid[]))::int AS t,
              (SELECT count(*) FROM insights.categorizer_examples WHERE user_id = ANY($1::uuid[]))::int AS e`,
      [ids],
    );
    return row!;
  };
  const post = (poster: Poster, input: PostInput) => {
    const category = input.amountMinor > 0n && input.categoryKey !== "salary" ? "Other income" : LEDGER_CATEGORY[input.categoryKey]!;
    return poster.call(POST, {
      input: {
        accountId: poster.accountId,
        amount: { amount: formatAmount(money(input.amountMinor, "USD")), currency: "USD" },
        date: addDays(today, -input.daysAgo),
        payee: input.payee,
        notes: input.notes,
        ...(input.categorised && { categoryId: poster.categories.get(category)! }),
      },
    });
  };

  await Promise.all(posters.map((p, i) => post(p, { ...inputs[i % inputs.length]!, categorised: true })));
  const base = await until("the warm-up posts in insights", 60_000, async () => {
    const c = await counts();
    return c.t >= posters.length ? c : undefined;
  });

  const latencies: number[] = [];
  let failedPosts = 0;
  let next = 0;
  /** What insights must end up with: known once the posting is over (a failed post sends no event). */
  let target = Infinity;
  const cpuBefore = await subgraphsUsage();
  const started = performance.now();
  const follow = (async () => {
    for (;;) {
      const c = await counts();
      const at = performance.now();
      if (c.t - base.t >= target) return { at, examples: c.e - base.e };
      if (at - started > timeoutMs) throw new Error(`insights had ${c.t - base.t} of ${inputs.length} transactions after ${timeoutMs} ms`);
      await sleep(POLL_MS);
    }
  })();
  // Awaited below; a timeout while the posts are still going must not go unhandled meanwhile.
  follow.catch(() => undefined);
  await Promise.all(
    posters.map(async (poster) => {
      while (next < inputs.length) {
        const input = inputs[next++]!;
        const t = performance.now();
        await post(poster, input).catch(() => failedPosts++);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const lastWriteAt = performance.now();
  const cpuAtLastWrite = await subgraphsUsage();
  const consumedAtLastWrite = (await counts()).t - base.t;
  const posted = inputs.length - failedPosts;
  target = posted;
  const done = await follow;

  const [model]: Array<{ rows: number; bytes: number; examples: number; suggestions: number }> = await dataSource.query(
    `SELECT (SELECT count(*) FROM insights.categorizer_counts WHERE user_id = ANY($1::uuid[]))::int
          + (SELECT count(*) FROM insights.categorizer_categories WHERE user_id = ANY($1::uuid[]))::int AS rows,
            (SELECT coalesce(sum(pg_column_size(c.*)), 0) FROM insights.categorizer_counts c WHERE user_id = ANY($1::uuid[]))::int
          + (SELECT coalesce(sum(pg_column_size(c.*)), 0) FROM insights.categorizer_categories c WHERE user_id = ANY($1::uuid[]))::int AS bytes,
            (SELECT coalesce(sum(pg_column_size(e.*)), 0) FROM insights.categorizer_examples e WHERE user_id = ANY($1::uuid[]))::int AS examples,
            (SELECT count(*) FROM insights.suggestions WHERE user_id = ANY($1::uuid[]))::int AS suggestions`,
    [ids],
  );
  const postingSeconds = (lastWriteAt - started) / 1000;
  const { p50, p99 } = summarize(latencies);
  return {
    posts: posted,
    categorised: inputs.filter((i) => i.categorised).length,
    postingSeconds,
    postsPerSecond: posted / postingSeconds,
    postP50: p50,
    postP99: p99,
    failedPosts,
    consumedAtLastWrite,
    allSeconds: (done.at - started) / 1000,
    lagMs: done.at - lastWriteAt,
    consumedPerSecondWhilePosting: consumedAtLastWrite / postingSeconds,
    consumedPerSecondOverall: posted / ((done.at - started) / 1000),
    catchUpPerSecond: done.at > lastWriteAt ? (posted - consumedAtLastWrite) / ((done.at - lastWriteAt) / 1000) : NaN,
    examples: done.examples,
    suggestions: model!.suggestions,
    modelRowsPerUser: model!.rows / posters.length,
    modelBytesPerUser: model!.bytes / posters.length,
    exampleBytesPerUser: model!.examples / posters.length,
    subgraphsCpuPercent: (100 * (cpuAtLastWrite.cpuMicros - cpuBefore.cpuMicros)) / ((lastWriteAt - started) * 1000),
  };
}
