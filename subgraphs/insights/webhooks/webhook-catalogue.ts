import { BUDGET_EXCEEDED, BUDGET_THRESHOLD_REACHED, BUDGETS_ALERT_TOPIC } from "../../../schema/events/budgets.js";
import {
  ANOMALY_DETECTED,
  INSIGHTS_ANOMALY_TOPIC,
  INSIGHTS_FORECAST_TOPIC,
  INSIGHTS_REPORT_TOPIC,
  NEGATIVE_BALANCE_PROJECTED,
  REPORT_READY,
} from "../../../schema/events/insights.js";
import {
  BILL_DUE,
  LEDGER_BILL_TOPIC,
  LEDGER_TRANSACTION_TOPIC,
  TRANSACTION_DELETED,
  TRANSACTION_POSTED,
  TRANSACTION_RESTORED,
  TRANSACTION_UPDATED,
} from "../../../schema/events/ledger.js";
import { INSTALLMENT_DUE, INSTALLMENT_OVERDUE, LENDING_INSTALLMENT_TOPIC } from "../../../schema/events/lending.js";

/** What an integrator may subscribe to: a public name, the internal events behind it, the scope it needs. */
export interface WebhookEventKind {
  readonly name: string;
  readonly description: string;
  /** The internal topic and event types that become this kind; none for `ping`. */
  readonly topic: string | null;
  readonly types: readonly string[];
  /** The API-key scope the endpoint's creator must hold to receive it; null: anyone may. */
  readonly scope: string | null;
}

const kind = (name: string, topic: string | null, types: string[], scope: string | null, description: string): WebhookEventKind =>
  Object.freeze({ name, topic, types: Object.freeze(types), scope, description });

/**
 * The public catalogue. Names are a promise to integrators: add kinds freely, never rename one or
 * change what its `data` means (a breaking change is a new name).
 */
export const WEBHOOK_EVENT_KINDS: readonly WebhookEventKind[] = Object.freeze([
  kind(
    "transaction.created",
    LEDGER_TRANSACTION_TOPIC,
    [TRANSACTION_POSTED, TRANSACTION_RESTORED],
    "ledger:read",
    "A transaction was posted (or a deleted one restored).",
  ),
  kind(
    "transaction.updated",
    LEDGER_TRANSACTION_TOPIC,
    [TRANSACTION_UPDATED],
    "ledger:read",
    "A transaction changed; `data.previous` is how it stood before.",
  ),
  kind("transaction.deleted", LEDGER_TRANSACTION_TOPIC, [TRANSACTION_DELETED], "ledger:read", "A transaction was deleted."),
  kind("budget.threshold_reached", BUDGETS_ALERT_TOPIC, [BUDGET_THRESHOLD_REACHED], "budgets:read", "A budget reached its warning level."),
  kind("budget.exceeded", BUDGETS_ALERT_TOPIC, [BUDGET_EXCEEDED], "budgets:read", "A budget reached its critical level."),
  kind("bill.due", LEDGER_BILL_TOPIC, [BILL_DUE], "ledger:read", "A recurring expense is due within its reminder days."),
  kind("loan.installment_due", LENDING_INSTALLMENT_TOPIC, [INSTALLMENT_DUE], "lending:read", "A loan installment is due soon."),
  kind(
    "loan.installment_overdue",
    LENDING_INSTALLMENT_TOPIC,
    [INSTALLMENT_OVERDUE],
    "lending:read",
    "A loan installment is overdue; its late fee applied.",
  ),
  kind("anomaly.detected", INSIGHTS_ANOMALY_TOPIC, [ANOMALY_DETECTED], "insights:read", "Something unusual in the spending."),
  kind(
    "forecast.negative_balance",
    INSIGHTS_FORECAST_TOPIC,
    [NEGATIVE_BALANCE_PROJECTED],
    "insights:read",
    "An account is projected below zero.",
  ),
  kind("report.ready", INSIGHTS_REPORT_TOPIC, [REPORT_READY], "insights:read", "A report file can be downloaded."),
  kind("ping", null, [], null, "Sent by testWebhookEndpoint only."),
]);

const BY_NAME = new Map(WEBHOOK_EVENT_KINDS.map((k) => [k.name, k]));

/** Every topic some kind comes from: what the webhook consumer subscribes to. */
export const WEBHOOK_TOPICS: readonly string[] = [...new Set(WEBHOOK_EVENT_KINDS.flatMap((k) => (k.topic ? [k.topic] : [])))];

export function eventKind(name: string): WebhookEventKind | undefined {
  return BY_NAME.get(name);
}

/** The public kind of an internal event, or undefined when integrators are not told of it. */
export function kindOfEvent(topic: string, type: string): WebhookEventKind | undefined {
  return WEBHOOK_EVENT_KINDS.find((k) => k.topic === topic && k.types.includes(type));
}

/** Sessions hold "*"; an API key holds what it was created with. */
export function scopesAllow(scopes: readonly string[], kind: WebhookEventKind): boolean {
  return kind.scope === null || scopes.includes("*") || scopes.includes(kind.scope);
}

export type KindCheck = { ok: true; kinds: string[] } | { ok: false; unknown: string[]; forbidden: Array<{ kind: string; scope: string }> };

/** The requested kinds de-duplicated in order, or which are unknown and which the scopes do not allow. */
export function checkKinds(requested: readonly string[], scopes: readonly string[]): KindCheck {
  const kinds = [...new Set(requested.map((k) => k.trim()))];
  const unknown = kinds.filter((k) => !BY_NAME.has(k));
  const forbidden = kinds.flatMap((k) => {
    const found = BY_NAME.get(k);
    return found && !scopesAllow(scopes, found) ? [{ kind: k, scope: found.scope! }] : [];
  });
  return unknown.length || forbidden.length ? { ok: false, unknown, forbidden } : { ok: true, kinds };
}
