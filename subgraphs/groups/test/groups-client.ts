import { expect } from "vitest";

import { gatewayClient } from "../../../test/harness/gateway-client.js";
import type { RegisteredUser, TestSupergraph } from "../../../test/harness/supergraph.js";

export const MEMBER = "id displayName role isPlaceholder isMe removed position";
export const GROUP = `id name currency archived myRole members { ${MEMBER} } balances { member { id displayName } amount { amount currency } }`;
export const EXPENSE = `id description amount { amount currency } groupAmount { amount currency } exchangeRate date splitMode deleted ledgerAccountId
  paidBy { member { id } amount { amount } groupAmount { amount } } shares { member { id } amount { amount } groupAmount { amount } }`;
export const GOAL = `id name target { amount currency } saved { amount currency } remaining { amount } progressPercent deadline
  requiredPerMemberPerMonth { amount } status reachedAt archived contributions { member { id displayName } amount { amount } }`;

const ADD_EXPENSE = `mutation($input: AddGroupExpenseInput!) { addGroupExpense(input: $input) { ${EXPENSE} } }`;

/** Typed-enough wrappers over groups' operations through the gateway, for groups' tests. */
export function groupsClient(sg: TestSupergraph) {
  const { call, ok, outcome } = gatewayClient(sg);
  return {
    call,
    ok,
    outcome,
    async createGroup(user: RegisteredUser, name = "Flat", currency = "EUR", displayName?: string) {
      return (
        await ok(user, `mutation($input: CreateGroupInput!) { createGroup(input: $input) { ${GROUP} } }`, {
          input: { name, currency, displayName },
        })
      ).createGroup;
    },
    async group(user: RegisteredUser, id: string, selection = GROUP) {
      return (await ok(user, `query($id: ID!) { group(id: $id) { ${selection} } }`, { id })).group;
    },
    async placeholder(user: RegisteredUser, groupId: string, displayName: string): Promise<string> {
      return (
        await ok(user, `mutation($input: AddGroupMemberInput!) { addGroupMember(input: $input) { id } }`, {
          input: { groupId, displayName },
        })
      ).addGroupMember.id;
    },
    async invite(user: RegisteredUser, groupId: string): Promise<{ id: string; code: string; expiresAt: string }> {
      return (await ok(user, `mutation($g: ID!) { createGroupInvite(groupId: $g) { id code expiresAt } }`, { g: groupId }))
        .createGroupInvite;
    },
    join(user: RegisteredUser, code: string, placeholderId?: string, displayName?: string) {
      return call(
        user,
        `mutation($c: String!, $p: ID, $n: String) { joinGroup(code: $c, placeholderId: $p, displayName: $n) { id myRole } }`,
        {
          c: code,
          p: placeholderId,
          n: displayName,
        },
      );
    },
    /** Invites `user` into the group as a new member and returns their member id. */
    async addUser(owner: RegisteredUser, groupId: string, user: RegisteredUser, displayName: string): Promise<string> {
      const { code } = await this.invite(owner, groupId);
      const joined = await this.join(user, code, undefined, displayName);
      expect(joined.errors).toBeUndefined();
      const me = (await ok(user, `query($id: ID!) { group(id: $id) { me { id } } }`, { id: groupId })).group.me;
      return me.id as string;
    },
    addExpense(user: RegisteredUser, input: Record<string, unknown>) {
      return call(user, ADD_EXPENSE, { input });
    },
    async expense(user: RegisteredUser, input: Record<string, unknown>) {
      return (await ok(user, ADD_EXPENSE, { input })).addGroupExpense;
    },
    async balances(user: RegisteredUser, groupId: string): Promise<Record<string, string>> {
      const group = await this.group(user, groupId, `balances { member { id } amount { amount } }`);
      return Object.fromEntries(group.balances.map((b: any) => [b.member.id, b.amount.amount]));
    },
  };
}

/** An equal split of `amount` paid by `payer` among `members`. */
export const equalExpense = (
  groupId: string,
  payer: string,
  members: string[],
  amount: string,
  currency = "EUR",
  extra: Record<string, unknown> = {},
) => ({
  groupId,
  description: "Groceries",
  amount: { amount, currency },
  date: "2026-11-20",
  paidBy: [{ memberId: payer, amount }],
  split: { mode: "EQUAL", parts: members.map((memberId) => ({ memberId })) },
  ...extra,
});
