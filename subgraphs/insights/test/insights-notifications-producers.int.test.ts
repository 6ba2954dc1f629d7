import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { startTestSmtpServer, type TestSmtpServer } from "../../../platform/testing/test-smtp-server.js";
import { FixedClock } from "../../../platform/time/index.js";
import { gatewayClient } from "../../../test/harness/gateway-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { InsightsDeps } from "../insights.deps.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis, Kafka and SMTP", () => realServicesConfig()],
  ["embedded defaults and real SMTP", () => embeddedConfig()],
];

const CREATE_GROUP = `mutation($input: CreateGroupInput!) { createGroup(input: $input) { id members { id } } }`;
const INVITE = `mutation($g: ID!) { createGroupInvite(groupId: $g) { code } }`;
const JOIN = `mutation($c: String!, $n: String) { joinGroup(code: $c, displayName: $n) { id } }`;
const ME_IN_GROUP = `query($id: ID!) { group(id: $id) { me { id } } }`;
const ADD_EXPENSE = `mutation($input: AddGroupExpenseInput!) { addGroupExpense(input: $input) { id } }`;
const CREATE_GOAL = `mutation($input: CreateSavingsGoalInput!) { createSavingsGoal(input: $input) { id } }`;
const CONTRIBUTE = `mutation($id: ID!, $amount: MoneyInput!) { contributeToGoal(id: $id, amount: $amount) { id } }`;
const WITHDRAW = `mutation($id: ID!, $amount: MoneyInput!) { withdrawFromGoal(id: $id, amount: $amount) { id } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename } }`;
const PREFERENCES = `mutation($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { notificationPreferences { kinds { kind email } } }
}`;
const usd = (amount: string) => ({ amount, currency: "USD" });

interface Row {
  id: string;
  kind: string;
  data: Record<string, unknown>;
  in_app: boolean;
}

/**
 * Notifications fed by the real producers: groups (a join with an invite code, an expense), budgets
 * (a savings goal reached) and identity (a sign-in from a new device, notification settings), all
 * driven through the gateway. Insights' own store is polled, never GraphQL in a loop.
 */
describe.each(modes)("notifications from the real producers on %s", (_mode, config) => {
  // Near real time: the gateway checks access-token expiry against this clock.
  const clock = new FixedClock(new Date());
  let sg: TestSupergraph;
  let smtp: TestSmtpServer;
  let api: ReturnType<typeof gatewayClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  const deps = () => sg.subgraph<InsightsDeps>("insights").deps;
  const db = () => sg.subgraph("insights").kit.dataSource;
  const notifications = async (user: RegisteredUser, kind: string): Promise<Row[]> =>
    db().query(`SELECT id, kind, data, in_app FROM insights.notifications WHERE user_id = $1 AND kind = $2 ORDER BY created_at, id`, [
      user.id,
      kind,
    ]);
  /** Waits until `user` has `count` notifications of `kind`, and returns them. */
  const arrived = (user: RegisteredUser, kind: string, count = 1) =>
    eventually(
      async () => {
        const rows = await notifications(user, kind);
        expect(rows).toHaveLength(count);
        return rows;
      },
      { timeoutMs: 30_000 },
    );
  const inAppDelivered = async (notificationId: string) =>
    (
      await db().query(`SELECT status FROM insights.notification_deliveries WHERE notification_id = $1 AND channel = 'IN_APP'`, [
        notificationId,
      ])
    )[0]?.status;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
    process.env.SMTP_URL = smtp.url;
    process.env.MAIL_FROM = "Moneta <notify@moneta.test>";
    try {
      sg = await startTestSupergraph(config(), { clock });
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    api = gatewayClient(sg);
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
  });
  afterAll(async () => {
    await sg?.close();
    await smtp?.close();
  });

  it("tells the inviter in-app when a user joins with their invite code, and records the expense the joiner adds for the others only", async () => {
    const group = (await api.ok(alice, CREATE_GROUP, { input: { name: "Flat 3B", currency: "EUR", displayName: "Alice" } })).createGroup;
    const aliceMember = group.members[0].id as string;
    const { code } = (await api.ok(alice, INVITE, { g: group.id })).createGroupInvite;
    await api.ok(bob, JOIN, { c: code, n: "Bob" });

    const [invitation] = await arrived(alice, "GROUP_INVITATION");
    expect(invitation!.in_app).toBe(true);
    expect(invitation!.data).toMatchObject({ groupId: group.id, groupName: "Flat 3B", displayName: "Bob", invitedByYou: true });
    expect(await inAppDelivered(invitation!.id)).toBe("SENT");
    // The joiner is not told what they just did.
    expect(await notifications(bob, "GROUP_INVITATION")).toEqual([]);

    const bobMember = (await api.ok(bob, ME_IN_GROUP, { id: group.id })).group.me.id as string;
    const expense = (
      await api.ok(bob, ADD_EXPENSE, {
        input: {
          groupId: group.id,
          description: "Pizza",
          amount: { amount: "36.00", currency: "EUR" },
          date: "2026-03-01",
          paidBy: [{ memberId: bobMember, amount: "36.00" }],
          split: { mode: "EQUAL", parts: [{ memberId: aliceMember }, { memberId: bobMember }] },
        },
      })
    ).addGroupExpense;
    const [told] = await arrived(alice, "GROUP_EXPENSE");
    expect(told!.data).toMatchObject({ expenseId: expense.id, description: "Pizza", amountMinor: "3600", currency: "EUR" });
    // Bob's would have been written in the same inbox transaction as Alice's: none means none.
    expect(await notifications(bob, "GROUP_EXPENSE")).toEqual([]);

    const { title, body } = (await api.ok(alice, `{ notifications(first: 5) { edges { node { kind title body } } } }`)).notifications.edges
      .map((e: { node: { kind: string; title: string; body: string } }) => e.node)
      .find((n: { kind: string }) => n.kind === "GROUP_EXPENSE");
    expect(title).toBe("New expense in Flat 3B");
    expect(body).toContain("Pizza");
  });

  it("tells the owner once that a savings goal in budgets reached its target, even when saved dips and rises again", async () => {
    // budgets takes a goal once identity's preferences (the base currency) have reached it.
    await eventually(
      async () =>
        expect(
          await sg.subgraph("budgets").kit.dataSource.query(`SELECT 1 FROM budgets.user_settings WHERE user_id = $1`, [alice.id]),
        ).toHaveLength(1),
      { timeoutMs: 30_000 },
    );
    const bike = (await api.ok(alice, CREATE_GOAL, { input: { name: "Bike", target: usd("100") } })).createSavingsGoal.id as string;
    await api.ok(alice, CONTRIBUTE, { id: bike, amount: usd("70") });
    await api.ok(alice, CONTRIBUTE, { id: bike, amount: usd("30") });
    const [reached] = await arrived(alice, "SAVINGS_GOAL_REACHED");
    expect(reached!.data).toMatchObject({ goalId: bike, name: "Bike", targetMinor: "10000", savedMinor: "10000", currency: "USD" });

    await api.ok(alice, WITHDRAW, { id: bike, amount: usd("50") });
    await api.ok(alice, CONTRIBUTE, { id: bike, amount: usd("60") });
    // A second goal reached afterwards, on the same topic and key (so behind Bike's events): once it is
    // in, anything Bike's later events would have caused is in too.
    const car = (await api.ok(alice, CREATE_GOAL, { input: { name: "Car", target: usd("5") } })).createSavingsGoal.id as string;
    await api.ok(alice, CONTRIBUTE, { id: car, amount: usd("5") });
    const both = await arrived(alice, "SAVINGS_GOAL_REACHED", 2);
    expect(both.map((n) => n.data.goalId).sort()).toEqual([bike, car].sort());
  });

  it("tells a user in-app of a sign-in from a new device, through identity's real login", async () => {
    const login = await sg.query(LOGIN, { input: { email: bob.email, password: bob.password } }, { "user-agent": "Firefox/140 producers" });
    expect(login.errors).toBeUndefined();
    const [signIn] = await arrived(bob, "NEW_SIGN_IN");
    expect(signIn!.in_app).toBe(true);
    expect(signIn!.data).toMatchObject({ userAgent: "Firefox/140 producers", method: "PASSWORD" });
    expect(await inAppDelivered(signIn!.id)).toBe("SENT");
  });

  it("keeps identity's notification settings: e-mail turned off for a kind reaches insights' store", async () => {
    const choice = async () =>
      (await deps().notifications.settings.get(alice.id)).preferences.kinds.find((k) => k.kind === "BUDGET_EXCEEDED");
    // Registration announced the defaults (BUDGET_EXCEEDED everywhere), with the address to mail.
    await eventually(
      async () => expect(await choice()).toEqual({ kind: "BUDGET_EXCEEDED", inApp: true, email: true, push: true, sms: false }),
      {
        timeoutMs: 30_000,
      },
    );
    expect(await deps().notifications.settings.get(alice.id)).toMatchObject({ email: alice.email });
    await api.ok(alice, PREFERENCES, { input: { kinds: [{ kind: "BUDGET_EXCEEDED", email: false }] } });
    await eventually(
      async () => expect(await choice()).toEqual({ kind: "BUDGET_EXCEEDED", inApp: true, email: false, push: true, sms: false }),
      {
        timeoutMs: 30_000,
      },
    );
  });
});
