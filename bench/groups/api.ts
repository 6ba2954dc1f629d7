/**
 * What `npm run bench:groups` sets up through the gateway, as any client would: users, groups,
 * members, an expense that leaves chosen balances, savings goals. Requests run in parallel up to a
 * bound; membership changes lock their group, so those mostly queue in PostgreSQL anyway.
 */
import { formatAmount } from "../../platform/money/money.js";
import { bearer, graphql, type GraphqlAnswer } from "../support/graphql.js";
import { mapBounded } from "../support/wait.js";

const PASSWORD = "plum-tractor-velvet-93";
export const CURRENCY = "EUR";
export const eur = (amountMinor: bigint) => ({ amount: formatAmount({ amountMinor, currency: CURRENCY }), currency: CURRENCY });

export interface BenchUser {
  id: string;
  token: string;
}

export type Call = (query: string, variables: Record<string, unknown>, user?: BenchUser) => Promise<GraphqlAnswer>;

/** GraphQL through the gateway at `url`, as `user` when given. */
export const gatewayCall =
  (url: string): Call =>
  (query, variables, user) =>
    graphql(url, query, variables, user ? bearer(user.token) : {});

/**
 * `count` new users, `concurrency` registrations at a time (each hashes a password with argon2id,
 * deliberately slow). Their access tokens live 15 minutes from now.
 */
export function registerUsers(call: Call, prefix: string, count: number, concurrency: number): Promise<BenchUser[]> {
  return mapBounded(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const { data } = await call(`mutation($i: RegisterInput!) { register(input: $i) { accessToken user { id } } }`, {
        i: { email: `${prefix}.${i}@example.com`, password: PASSWORD, displayName: `Bench ${i}` },
      });
      return { id: data.register.user.id as string, token: data.register.accessToken as string };
    },
  );
}

/** A new group owned by `owner`; answers its id and the owner's member id. */
export async function createGroup(call: Call, owner: BenchUser, name: string): Promise<{ groupId: string; ownerMemberId: string }> {
  const { data } = await call(
    `mutation($i: CreateGroupInput!) { createGroup(input: $i) { id me { id } } }`,
    { i: { name, currency: CURRENCY, displayName: "Owner" } },
    owner,
  );
  return { groupId: data.createGroup.id as string, ownerMemberId: data.createGroup.me.id as string };
}

/** `count` placeholders (people without an account) added by `owner`; their member ids in join order. */
export async function addPlaceholders(call: Call, owner: BenchUser, groupId: string, count: number, concurrency = 8): Promise<string[]> {
  const added = await mapBounded(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const { data } = await call(
        `mutation($i: AddGroupMemberInput!) { addGroupMember(input: $i) { id position } }`,
        { i: { groupId, displayName: `Placeholder ${i}` } },
        owner,
      );
      return { id: data.addGroupMember.id as string, position: data.addGroupMember.position as number };
    },
  );
  return added.sort((a, b) => a.position - b.position).map((m) => m.id);
}

/** Each user joins with a single-use invite code `owner` creates for them; answers their member ids. */
export function joinAll(call: Call, owner: BenchUser, groupId: string, users: readonly BenchUser[], concurrency = 8): Promise<string[]> {
  return mapBounded(users, concurrency, async (user, i) => {
    const invite = await call(`mutation($g: ID!) { createGroupInvite(groupId: $g) { code } }`, { g: groupId }, owner);
    const { data } = await call(
      `mutation($c: String!, $n: String) { joinGroup(code: $c, displayName: $n) { me { id } } }`,
      { c: invite.data.createGroupInvite.code, n: `Member ${i}` },
      user,
    );
    return data.joinGroup.me.id as string;
  });
}

/**
 * One EXACT expense that leaves each member with the given balance (minor units, summing to zero):
 * those owed pay it, in their amounts; those owing share it, in theirs.
 */
export async function expenseLeaving(call: Call, user: BenchUser, groupId: string, balances: ReadonlyMap<string, bigint>): Promise<void> {
  const owed = [...balances].filter(([, amount]) => amount > 0n);
  const owing = [...balances].filter(([, amount]) => amount < 0n);
  const total = owed.reduce((sum, [, amount]) => sum + amount, 0n);
  await call(
    `mutation($i: AddGroupExpenseInput!) { addGroupExpense(input: $i) { id } }`,
    {
      i: {
        groupId,
        description: "Bench balances",
        amount: eur(total),
        date: "2026-11-20",
        paidBy: owed.map(([memberId, amount]) => ({ memberId, amount: eur(amount).amount })),
        split: { mode: "EXACT", parts: owing.map(([memberId, amount]) => ({ memberId, value: eur(-amount).amount })) },
      },
    },
    user,
  );
}
