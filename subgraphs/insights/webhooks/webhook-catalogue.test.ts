import { describe, expect, it } from "vitest";

import type { EventEnvelope } from "../../../platform/events/index.js";
import type { TransactionSnapshotV1 } from "../../../schema/events/ledger.js";
import { checkKinds, eventKind, kindOfEvent, scopesAllow, WEBHOOK_EVENT_KINDS, WEBHOOK_TOPICS } from "./webhook-catalogue.js";
import { webhookPayload } from "./webhook-payload.js";

const ALICE = "11111111-1111-4111-8111-111111111111";
const BOB = "22222222-2222-4222-8222-222222222222";

const snapshot = (userId: string, over: Partial<TransactionSnapshotV1> = {}): TransactionSnapshotV1 => ({
  transactionId: "33333333-3333-4333-8333-333333333333",
  userId,
  kind: "EXPENSE",
  accountId: "44444444-4444-4444-8444-444444444444",
  amountMinor: "-1234",
  currency: "USD",
  counterAccountId: null,
  counterAmountMinor: null,
  counterCurrency: null,
  date: "2026-03-01",
  payee: "Corner shop",
  description: "Corner shop",
  notes: "",
  tags: ["food"],
  status: "CLEARED",
  categoryId: null,
  splits: [],
  deleted: false,
  baseCurrency: "USD",
  baseAmountMinor: "-1234",
  appliedRuleIds: ["rule-internal"],
  ...over,
});

const envelope = <T>(key: string, type: string, data: T): EventEnvelope<T> => ({
  id: "55555555-5555-4555-8555-555555555555",
  type,
  version: 1,
  source: "ledger",
  key,
  occurredAt: "2026-03-01T10:00:00.000Z",
  traceId: "t",
  data,
});

describe("the event catalogue", () => {
  it("has unique names, each internal event type in one kind, and a scope on every kind but ping", () => {
    const names = WEBHOOK_EVENT_KINDS.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
    const types = WEBHOOK_EVENT_KINDS.flatMap((k) => k.types);
    expect(new Set(types).size).toBe(types.length);
    expect(WEBHOOK_EVENT_KINDS.filter((k) => k.scope === null).map((k) => k.name)).toEqual(["ping"]);
    expect(WEBHOOK_TOPICS).toContain("ledger.transaction.v1");
    expect(kindOfEvent("ledger.transaction.v1", "TransactionPosted")?.name).toBe("transaction.created");
    expect(kindOfEvent("ledger.transaction.v1", "TransactionRestored")?.name).toBe("transaction.created");
    expect(kindOfEvent("ledger.category.v1", "CategoryCreated")).toBeUndefined();
  });

  it("allows a kind to a session, to a key holding its scope, and never to one without", () => {
    const created = eventKind("transaction.created")!;
    expect(scopesAllow(["*"], created)).toBe(true);
    expect(scopesAllow(["ledger:read", "webhooks:write"], created)).toBe(true);
    expect(scopesAllow(["ledger:write", "webhooks:write"], created)).toBe(false);
    expect(scopesAllow([], eventKind("ping")!)).toBe(true);
  });

  it("names the unknown kinds and the ones the scopes do not allow", () => {
    expect(checkKinds(["transaction.created", "budget.exceeded", "transaction.created"], ["*"])).toEqual({
      ok: true,
      kinds: ["transaction.created", "budget.exceeded"],
    });
    expect(checkKinds(["transaction.created", "nope", "budget.exceeded"], ["budgets:read"])).toEqual({
      ok: false,
      unknown: ["nope"],
      forbidden: [{ kind: "transaction.created", scope: "ledger:read" }],
    });
  });
});

describe("webhook payloads", () => {
  it("are {id, type, createdAt, data} with money as minor-unit strings and a currency, and no internal fields", () => {
    const payload = webhookPayload("transaction.created", envelope(ALICE, "TransactionPosted", snapshot(ALICE)), ALICE)!;
    expect(payload).toEqual({
      id: "55555555-5555-4555-8555-555555555555",
      type: "transaction.created",
      createdAt: "2026-03-01T10:00:00.000Z",
      data: {
        id: "33333333-3333-4333-8333-333333333333",
        kind: "EXPENSE",
        accountId: "44444444-4444-4444-8444-444444444444",
        amount: { amountMinor: "-1234", currency: "USD" },
        counterAccountId: null,
        counterAmount: null,
        date: "2026-03-01",
        payee: "Corner shop",
        notes: "",
        tags: ["food"],
        status: "CLEARED",
        categoryId: null,
        splits: [],
      },
    });
    expect(JSON.stringify(payload)).not.toContain("rule-internal");
    expect(JSON.stringify(payload)).not.toContain(ALICE);
  });

  it("carries the state before an update", () => {
    const before = snapshot(ALICE, { amountMinor: "-1000" });
    const after = snapshot(ALICE);
    const payload = webhookPayload(
      "transaction.updated",
      envelope(ALICE, "TransactionUpdated", { transactionId: after.transactionId, userId: ALICE, before, after }),
      ALICE,
    )!;
    expect(payload.data).toMatchObject({ amount: { amountMinor: "-1234" }, previous: { amount: { amountMinor: "-1000" } } });
  });

  it("is never built from another user's event, whatever the key or the payload says", () => {
    expect(webhookPayload("transaction.created", envelope(BOB, "TransactionPosted", snapshot(BOB)), ALICE)).toBeNull();
    expect(webhookPayload("transaction.created", envelope(ALICE, "TransactionPosted", snapshot(BOB)), ALICE)).toBeNull();
    expect(webhookPayload("transaction.created", envelope(BOB, "TransactionPosted", snapshot(ALICE)), ALICE)).toBeNull();
    expect(webhookPayload("no.such.kind", envelope(ALICE, "TransactionPosted", snapshot(ALICE)), ALICE)).toBeNull();
  });

  it("maps budgets, bills, installments, anomalies, forecasts and reports", () => {
    const budget = webhookPayload(
      "budget.exceeded",
      envelope(ALICE, "BudgetExceeded", {
        alertId: "a",
        userId: ALICE,
        budgetId: "b",
        level: "CRITICAL",
        periodStart: "2026-03-01",
        periodEnd: "2026-03-31",
        spentMinor: "50000",
        availableMinor: "-1000",
        currency: "EUR",
      }),
      ALICE,
    );
    expect(budget?.data).toMatchObject({
      spent: { amountMinor: "50000", currency: "EUR" },
      available: { amountMinor: "-1000", currency: "EUR" },
    });
    const overdue = webhookPayload(
      "loan.installment_overdue",
      envelope(ALICE, "InstallmentOverdue", {
        loanId: "l",
        userId: ALICE,
        contactId: "c",
        direction: "BORROWED",
        number: 3,
        dueDate: "2026-03-01",
        amountMinor: "10500",
        currency: "USD",
        lateFeeMinor: "500",
      }),
      ALICE,
    );
    expect(overdue?.data).toMatchObject({ number: 3, amount: { amountMinor: "10500" }, lateFee: { amountMinor: "500", currency: "USD" } });
    const forecast = webhookPayload(
      "forecast.negative_balance",
      envelope(ALICE, "NegativeBalanceProjected", {
        userId: ALICE,
        accountId: "x",
        currency: "USD",
        firstDate: "2026-04-01",
        lowestBalanceMinor: "-4700",
        lowestDate: "2026-04-03",
      }),
      ALICE,
    );
    expect(forecast?.data).toEqual({
      accountId: "x",
      firstDate: "2026-04-01",
      lowestBalance: { amountMinor: "-4700", currency: "USD" },
      lowestDate: "2026-04-03",
    });
  });
});
