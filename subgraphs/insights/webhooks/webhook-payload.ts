import type { EventEnvelope } from "../../../platform/events/index.js";
import type { BudgetAlertV1 } from "../../../schema/events/budgets.js";
import type { AnomalyDetectedV1, NegativeBalanceProjectedV1, ReportReadyV1 } from "../../../schema/events/insights.js";
import type { BillDueV1, TransactionSnapshotV1, TransactionUpdatedV1 } from "../../../schema/events/ledger.js";
import type { InstallmentDueV1, InstallmentOverdueV1 } from "../../../schema/events/lending.js";

/** Money on the wire: integer minor units as a string (JSON has no bigint) and the ISO currency. */
export interface PublicMoney {
  amountMinor: string;
  currency: string;
}

/** What every delivery's body is. `id` is the event's: the same for every endpoint and every retry. */
export interface WebhookPayload {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

const money = (amountMinor: string, currency: string): PublicMoney => ({ amountMinor, currency });

function transaction(t: TransactionSnapshotV1): Record<string, unknown> {
  return {
    id: t.transactionId,
    kind: t.kind,
    accountId: t.accountId,
    amount: money(t.amountMinor, t.currency),
    counterAccountId: t.counterAccountId,
    counterAmount: t.counterAmountMinor !== null && t.counterCurrency !== null ? money(t.counterAmountMinor, t.counterCurrency) : null,
    date: t.date,
    payee: t.payee,
    notes: t.notes,
    tags: t.tags,
    status: t.status,
    categoryId: t.categoryId,
    splits: t.splits.map((s) => ({ categoryId: s.categoryId, amount: money(s.amountMinor, t.currency) })),
  };
}

function installment(i: InstallmentDueV1): Record<string, unknown> {
  return {
    loanId: i.loanId,
    contactId: i.contactId,
    direction: i.direction,
    number: i.number,
    dueDate: i.dueDate,
    amount: money(i.amountMinor, i.currency),
  };
}

/**
 * The public `data` of each kind, field by field from the contract (never the internal payload
 * passed through, so an internal field added later does not leak out).
 */
const DATA: Record<string, (data: never) => Record<string, unknown>> = {
  "transaction.created": (t: TransactionSnapshotV1) => transaction(t),
  "transaction.deleted": (t: TransactionSnapshotV1) => transaction(t),
  "transaction.updated": (u: TransactionUpdatedV1) => ({ ...transaction(u.after), previous: transaction(u.before) }),
  "budget.threshold_reached": (a: BudgetAlertV1) => budgetAlert(a),
  "budget.exceeded": (a: BudgetAlertV1) => budgetAlert(a),
  "bill.due": (b: BillDueV1) => ({
    scheduleId: b.scheduleId,
    accountId: b.accountId,
    dueDate: b.dueDate,
    amount: money(b.amountMinor, b.currency),
    payee: b.payee,
  }),
  "loan.installment_due": (i: InstallmentDueV1) => installment(i),
  "loan.installment_overdue": (i: InstallmentOverdueV1) => ({ ...installment(i), lateFee: money(i.lateFeeMinor, i.currency) }),
  "anomaly.detected": (a: AnomalyDetectedV1) => ({
    anomalyId: a.anomalyId,
    kind: a.kind,
    explanation: a.explanation,
    transactionIds: a.transactionIds,
  }),
  "forecast.negative_balance": (f: NegativeBalanceProjectedV1) => ({
    accountId: f.accountId,
    firstDate: f.firstDate,
    lowestBalance: money(f.lowestBalanceMinor, f.currency),
    lowestDate: f.lowestDate,
  }),
  "report.ready": (r: ReportReadyV1) => ({
    reportId: r.reportId,
    kind: r.kind,
    format: r.format,
    from: r.from,
    to: r.to,
    scheduled: r.scheduled,
    expiresAt: r.expiresAt,
  }),
};

function budgetAlert(a: BudgetAlertV1): Record<string, unknown> {
  return {
    alertId: a.alertId,
    budgetId: a.budgetId,
    level: a.level,
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    spent: money(a.spentMinor, a.currency),
    available: money(a.availableMinor, a.currency),
  };
}

/**
 * The body for `ownerId`'s endpoint, or null when the event is not the owner's: the envelope's key
 * and the payload's user id must both be the owner, so no other user's data can ever be sent.
 */
export function webhookPayload(kind: string, event: EventEnvelope, ownerId: string): WebhookPayload | null {
  const map = DATA[kind];
  const data = event.data as { userId?: unknown } | null;
  if (!map || event.key !== ownerId || typeof data !== "object" || data === null || data.userId !== ownerId) return null;
  return { id: event.id, type: kind, createdAt: event.occurredAt, data: map(data as never) };
}

/** The `ping` a test of the endpoint sends. */
export function pingPayload(id: string, endpointId: string, at: Date): WebhookPayload {
  return { id, type: "ping", createdAt: at.toISOString(), data: { endpointId } };
}
