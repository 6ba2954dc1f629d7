import { badInput } from "../../../platform/errors/index.js";
import {
  DEFAULT_NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationChannelsV1,
  type NotificationDigestV1,
  type NotificationKindV1,
  type NotificationPreferencesV1,
} from "../../../schema/events/notifications.js";

/**
 * The user's notification preferences: per kind, which channels (in-app, e-mail, push, SMS); quiet
 * hours; a digest. Stored whole (every kind listed) so what the user sees, what the events carry
 * and what insights delivers by are one thing.
 *
 * The older coarse switches (budgetAlerts, billReminders, goalProgress, securityAlerts) are views
 * over groups of kinds: off means e-mail, push and SMS off for every kind of the group (in-app stays as
 * chosen, since the inbox is where a muted alert can still be found); on is on when any kind of the
 * group reaches the user outside the app, and sending it on restores the group's default channels.
 * weeklySummary is the weekly digest.
 */

/** Every channel stated: SMS is optional in the contract (rows from before it read as off). */
type Channels = Required<NotificationChannelsV1>;

/** The contract's defaults, one table for identity and insights. */
export const DEFAULT_CHANNELS = DEFAULT_NOTIFICATION_CHANNELS;

export const LEGACY_SWITCHES = {
  budgetAlerts: ["BUDGET_THRESHOLD", "BUDGET_EXCEEDED"],
  billReminders: ["BILL_DUE", "INSTALLMENT_DUE", "INSTALLMENT_OVERDUE"],
  goalProgress: ["SAVINGS_GOAL_REACHED", "GROUP_GOAL_REACHED"],
  securityAlerts: ["NEW_SIGN_IN", "MFA_CHANGED", "API_KEY_CREATED"],
} as const satisfies Record<string, readonly NotificationKindV1[]>;

export type LegacySwitch = keyof typeof LEGACY_SWITCHES;

export interface LegacySwitches {
  budgetAlerts: boolean;
  billReminders: boolean;
  goalProgress: boolean;
  weeklySummary: boolean;
  securityAlerts: boolean;
}

export function defaultNotificationPreferences(): NotificationPreferencesV1 {
  return { kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, ...DEFAULT_CHANNELS[kind], sms: false })), quietHours: null, digest: "OFF" };
}

/**
 * Stored preferences with every kind of the contract, in its order: a row written before a kind
 * existed gets that kind's default channels (what the user would have had on signing up).
 */
export function withEveryKind(stored: NotificationPreferencesV1): NotificationPreferencesV1 {
  return applyNotificationChanges(stored, {});
}

export function legacySwitchesOf(preferences: NotificationPreferencesV1): LegacySwitches {
  const outside = (kinds: readonly NotificationKindV1[]) =>
    preferences.kinds.some((choice) => kinds.includes(choice.kind) && (choice.email || choice.push || choice.sms === true));
  return {
    budgetAlerts: outside(LEGACY_SWITCHES.budgetAlerts),
    billReminders: outside(LEGACY_SWITCHES.billReminders),
    goalProgress: outside(LEGACY_SWITCHES.goalProgress),
    securityAlerts: outside(LEGACY_SWITCHES.securityAlerts),
    weeklySummary: preferences.digest === "WEEKLY",
  };
}

/** One kind's channels as the caller sends them: left-out channels keep their current value. */
export interface KindChoiceChange {
  kind: string;
  inApp?: boolean | null;
  email?: boolean | null;
  push?: boolean | null;
  sms?: boolean | null;
}

export interface NotificationPreferenceChanges extends Partial<Record<keyof LegacySwitches, boolean | null>> {
  kinds?: KindChoiceChange[] | null;
  /** null clears the quiet hours; undefined leaves them. */
  quietHours?: { start: string; end: string } | null;
  digest?: NotificationDigestV1 | null;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DIGESTS: readonly NotificationDigestV1[] = ["OFF", "DAILY", "WEEKLY"];

function isKind(kind: string): kind is NotificationKindV1 {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/**
 * Applies the changes in a fixed order so one request is unambiguous: the coarse switches first,
 * then the per-kind choices (which win over a switch for the kinds they name), then quiet hours,
 * then the digest (which wins over weeklySummary). Throws BAD_USER_INPUT naming the field.
 */
export function applyNotificationChanges(
  current: NotificationPreferencesV1,
  changes: NotificationPreferenceChanges,
): NotificationPreferencesV1 {
  const byKind = new Map<NotificationKindV1, Channels>(NOTIFICATION_KINDS.map((kind) => [kind, { ...DEFAULT_CHANNELS[kind], sms: false }]));
  for (const choice of current.kinds)
    if (isKind(choice.kind))
      byKind.set(choice.kind, { inApp: choice.inApp, email: choice.email, push: choice.push, sms: choice.sms ?? false });
  let digest = current.digest;
  let quietHours = current.quietHours;

  // A switch sent is applied whatever it reads now: skipping one that already reads as sent would
  // make a request's outcome depend on the state before it, so sending the same form twice (the
  // switch with a kind's choice of its group) could give two different results.
  for (const name of Object.keys(LEGACY_SWITCHES) as LegacySwitch[]) {
    const wanted = changes[name];
    if (wanted === undefined || wanted === null) continue;
    for (const kind of LEGACY_SWITCHES[name]) {
      const channels = byKind.get(kind)!;
      byKind.set(
        kind,
        wanted
          ? { ...channels, email: DEFAULT_CHANNELS[kind].email, push: DEFAULT_CHANNELS[kind].push }
          : { ...channels, email: false, push: false, sms: false },
      );
    }
  }
  if (changes.weeklySummary === true) digest = "WEEKLY";
  if (changes.weeklySummary === false && digest === "WEEKLY") digest = "OFF";

  if (changes.kinds) {
    const seen = new Set<string>();
    changes.kinds.forEach((choice, index) => {
      const field = `kinds[${index}].kind`;
      if (!isKind(choice.kind)) throw badInput(`unknown notification kind "${String(choice.kind).slice(0, 40)}"`, { field });
      if (seen.has(choice.kind)) throw badInput(`notification kind ${choice.kind} is listed twice`, { field });
      seen.add(choice.kind);
      const channels = byKind.get(choice.kind)!;
      byKind.set(choice.kind, {
        inApp: choice.inApp ?? channels.inApp,
        email: choice.email ?? channels.email,
        push: choice.push ?? channels.push,
        sms: choice.sms ?? channels.sms,
      });
    });
  }

  if (changes.quietHours === null) quietHours = null;
  else if (changes.quietHours !== undefined) {
    const { start, end } = changes.quietHours;
    if (!HH_MM.test(start)) throw badInput("quiet hours start must be a time HH:MM (00:00-23:59)", { field: "quietHours.start" });
    if (!HH_MM.test(end)) throw badInput("quiet hours end must be a time HH:MM (00:00-23:59)", { field: "quietHours.end" });
    if (start === end) throw badInput("quiet hours must end at another time than they start", { field: "quietHours.end" });
    quietHours = { start, end };
  }

  if (changes.digest !== undefined && changes.digest !== null) {
    if (!DIGESTS.includes(changes.digest)) throw badInput(`unknown digest "${String(changes.digest).slice(0, 20)}"`, { field: "digest" });
    digest = changes.digest;
  }

  return { kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, ...byKind.get(kind)! })), quietHours, digest };
}
