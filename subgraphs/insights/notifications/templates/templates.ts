import type { NotificationKindV1 } from "../../../../schema/events/notifications.js";
import { clip, formatDay, formatInstant, formatMoney } from "./format.js";

/** The stored variables of a notification (strings, numbers, booleans, short lists). */
export type NotificationData = Record<string, unknown>;

export interface RenderedText {
  title: string;
  body: string;
  /** A path in the web app, or null. */
  link: string | null;
}

export interface RenderContext {
  locale: string;
  timezone: string;
}

const MAX_TITLE = 200;
const MAX_BODY = 2_000;

type Template = (d: NotificationData, c: RenderContext) => RenderedText;

const path = (prefix: string, id: unknown) =>
  typeof id === "string" && id !== "" ? `${prefix}/${encodeURIComponent(clip(id, 80))}` : null;
const amount = (d: NotificationData, c: RenderContext, field = "amountMinor") => formatMoney(d[field], d.currency, c.locale);

/** One template per kind; texts in English, dates and money in the user's locale. */
const TEMPLATES: Record<NotificationKindV1, Template> = {
  BUDGET_THRESHOLD: (d, c) => ({
    title: "Budget nearly spent",
    body: `You have spent ${amount(d, c, "spentMinor")} of this budget; ${amount(d, c, "availableMinor")} is left until ${formatDay(d.periodEnd, c.locale)}.`,
    link: path("/budgets", d.budgetId),
  }),
  BUDGET_EXCEEDED: (d, c) => ({
    title: "Budget exceeded",
    body: `You have spent ${amount(d, c, "spentMinor")} and gone past this budget (${amount(d, c, "availableMinor")} available) for the period ending ${formatDay(d.periodEnd, c.locale)}.`,
    link: path("/budgets", d.budgetId),
  }),
  SAVINGS_GOAL_REACHED: (d, c) => ({
    title: "Savings goal reached",
    body:
      `You reached ${d.name ? `your savings goal “${clip(d.name)}”` : "a savings goal"}` +
      (d.targetMinor ? ` of ${amount(d, c, "targetMinor")}` : "") +
      (d.reachedAt ? ` on ${formatInstant(d.reachedAt, c.locale, c.timezone)}` : "") +
      ".",
    link: path("/goals", d.goalId),
  }),
  BILL_DUE: (d, c) => ({
    title: `Bill due: ${clip(d.payee, 80)}`,
    body: `${clip(d.payee)} (${amount(d, c)}) is due on ${formatDay(d.dueDate, c.locale)}.`,
    link: path("/schedules", d.scheduleId),
  }),
  INSTALLMENT_DUE: (d, c) => ({
    title: d.direction === "LENT" ? "Installment to receive" : "Installment due",
    body: `Installment ${clip(d.number, 10)} of ${amount(d, c)} is due on ${formatDay(d.dueDate, c.locale)}.`,
    link: path("/loans", d.loanId),
  }),
  INSTALLMENT_OVERDUE: (d, c) => ({
    title: "Installment overdue",
    body:
      `Installment ${clip(d.number, 10)} was due on ${formatDay(d.dueDate, c.locale)}; ${amount(d, c)} is still to pay` +
      (typeof d.lateFeeMinor === "string" && d.lateFeeMinor !== "0" ? `, including a late fee of ${amount(d, c, "lateFeeMinor")}.` : "."),
    link: path("/loans", d.loanId),
  }),
  GROUP_INVITATION: (d, c) => {
    const who = clip(d.displayName, 80) || "Someone";
    const group = clip(d.groupName) || "your group";
    return {
      title: `${who} joined ${clip(d.groupName, 80) || "your group"}`,
      body:
        (d.invitedByYou === true ? `${who} accepted your invitation and joined ${group}` : `${who} joined ${group}`) +
        (d.addedAt ? ` on ${formatInstant(d.addedAt, c.locale, c.timezone)}.` : "."),
      link: path("/groups", d.groupId),
    };
  },
  GROUP_EXPENSE: (d, c) => ({
    title: `New expense in ${clip(d.groupName, 80) || "your group"}`,
    body:
      `${clip(d.description) || "An expense"} (${amount(d, c)}) was added to ${clip(d.groupName) || "your group"}` +
      (d.date ? `, dated ${formatDay(d.date, c.locale)}.` : "."),
    link: path("/groups", d.groupId),
  }),
  GROUP_GOAL_REACHED: (d, c) => ({
    title: "Group goal reached",
    body:
      `${clip(d.groupName) || "Your group"} reached ${d.name ? `its savings goal “${clip(d.name)}”` : "a savings goal"}` +
      (d.targetMinor ? ` of ${amount(d, c, "targetMinor")}` : "") +
      (d.savedMinor && d.savedMinor !== d.targetMinor ? ` (${amount(d, c, "savedMinor")} saved)` : "") +
      ".",
    link: path("/groups", d.groupId),
  }),
  ANOMALY: (d) => ({
    title: "Unusual activity",
    body: clip(d.explanation, 500) || "Something in your spending looks unusual.",
    link: path("/anomalies", d.anomalyId),
  }),
  NEGATIVE_BALANCE_PROJECTED: (d, c) => ({
    title: "Balance projected below zero",
    body: `An account is projected to go below zero on ${formatDay(d.firstDate, c.locale)}, lowest ${formatMoney(d.lowestBalanceMinor, d.currency, c.locale)} on ${formatDay(d.lowestDate, c.locale)}.`,
    link: path("/accounts", d.accountId),
  }),
  NEW_SIGN_IN: (d, c) => ({
    title: "New sign-in to your account",
    body:
      `A sign-in from a new device on ${formatInstant(d.at, c.locale, c.timezone)}` +
      (d.userAgent
        ? ` (${clip(d.userAgent, 120)}` + (d.ipAddress ? `, ${clip(d.ipAddress, 45)})` : ")")
        : d.ipAddress
          ? ` (${clip(d.ipAddress, 45)})`
          : "") +
      ". If this was not you, change your password and sign out other sessions.",
    link: "/settings/security",
  }),
  MFA_CHANGED: (d, c) => ({
    title: d.enabled ? "Two-factor sign-in turned on" : "Two-factor sign-in turned off",
    body: `Two-factor sign-in was turned ${d.enabled ? "on" : "off"} on ${formatInstant(d.at, c.locale, c.timezone)}. If this was not you, secure your account now.`,
    link: "/settings/security",
  }),
  API_KEY_CREATED: (d, c) => ({
    title: "API key created",
    body: `An API key starting ${clip(d.prefix, 40)} was created on ${formatInstant(d.createdAt, c.locale, c.timezone)}${Array.isArray(d.scopes) && d.scopes.length ? ` with ${d.scopes.map((s) => clip(s, 40)).join(", ")}` : ""}.`,
    link: "/settings/api-keys",
  }),
  WEBHOOK_DISABLED: (d, c) => ({
    title: "Webhook endpoint disabled",
    body: `Deliveries to ${clip(d.url)} kept failing, so the endpoint was disabled on ${formatInstant(d.disabledAt, c.locale, c.timezone)}: ${clip(d.reason)}`,
    link: path("/settings/webhooks", d.endpointId),
  }),
  CHANNEL_PAUSED: (d) => ({
    title: `${d.channel === "PUSH" ? "Push" : "E-mail"} notifications paused`,
    body: `${clip(d.failures, 10)} deliveries in a row failed, so we stopped sending ${d.channel === "PUSH" ? "push notifications" : "e-mail"}. Resume them in your notification settings.`,
    link: "/settings/notifications",
  }),
  REPORT_READY: (d, c) => ({
    title: "Your report is ready",
    body: `Your ${clip(d.format, 10)} report for ${formatDay(d.from, c.locale)} to ${formatDay(d.to, c.locale)} can be downloaded until ${formatInstant(d.expiresAt, c.locale, c.timezone)}.`,
    link: path("/reports", d.reportId),
  }),
  BANK_CONNECTION_NEEDS_ATTENTION: (d) => ({
    title: "Your bank connection needs you",
    body:
      `${clip(d.institution, 120) || "Your bank"} stopped accepting our access, so syncing has stopped` +
      (d.reason ? ` (${clip(d.reason, 300)})` : "") +
      ". Reconnect it to resume.",
    link: path("/banks", d.connectionId),
  }),
};

export function renderNotification(kind: NotificationKindV1, data: NotificationData, context: RenderContext): RenderedText {
  const text = TEMPLATES[kind](data, context);
  return { title: clip(text.title, MAX_TITLE), body: clip(text.body, MAX_BODY), link: text.link };
}
