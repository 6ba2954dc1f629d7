import { readFileSync } from "node:fs";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { NOTIFICATION_KINDS } from "../../../schema/events/notifications.js";
import {
  applyNotificationChanges,
  DEFAULT_CHANNELS,
  defaultNotificationPreferences,
  LEGACY_SWITCHES,
  legacySwitchesOf,
  type NotificationPreferenceChanges,
  withEveryKind,
} from "./notification-preferences.js";

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string; field?: string } }).extensions;
  }
  return undefined;
};

describe("notification preferences", () => {
  const defaults = defaultNotificationPreferences();

  it("lists every kind once, in the contract's order, with the switches on and no digest", () => {
    expect(defaults.kinds.map((c) => c.kind)).toEqual([...NOTIFICATION_KINDS]);
    expect(legacySwitchesOf(defaults)).toEqual({
      budgetAlerts: true,
      billReminders: true,
      goalProgress: true,
      securityAlerts: true,
      weeklySummary: false,
    });
  });

  it("turns a switch off as e-mail and push off for its kinds, keeping in-app, and on again as the defaults", () => {
    const off = applyNotificationChanges(defaults, { budgetAlerts: false });
    for (const kind of LEGACY_SWITCHES.budgetAlerts)
      expect(off.kinds.find((c) => c.kind === kind)).toEqual({ kind, inApp: true, email: false, push: false, sms: false });
    expect(off.kinds.find((c) => c.kind === "BILL_DUE")).toEqual({ kind: "BILL_DUE", ...DEFAULT_CHANNELS.BILL_DUE, sms: false });
    expect(legacySwitchesOf(off).budgetAlerts).toBe(false);
    expect(applyNotificationChanges(off, { budgetAlerts: true })).toEqual(defaults);
  });

  it("lets a kind's choice win over its switch in the same request, and digest over weeklySummary", () => {
    const next = applyNotificationChanges(defaults, {
      securityAlerts: false,
      kinds: [{ kind: "NEW_SIGN_IN", push: true }],
      weeklySummary: true,
      digest: "DAILY",
    });
    expect(next.kinds.find((c) => c.kind === "NEW_SIGN_IN")).toEqual({
      kind: "NEW_SIGN_IN",
      inApp: true,
      email: false,
      push: true,
      sms: false,
    });
    expect(next.digest).toBe("DAILY");
    expect(legacySwitchesOf(next)).toMatchObject({ securityAlerts: true, weeklySummary: false });
    expect(applyNotificationChanges(defaults, { weeklySummary: true }).digest).toBe("WEEKLY");
  });

  it("sets and clears quiet hours, overnight ranges included", () => {
    const quiet = applyNotificationChanges(defaults, { quietHours: { start: "22:30", end: "07:00" } });
    expect(quiet.quietHours).toEqual({ start: "22:30", end: "07:00" });
    expect(applyNotificationChanges(quiet, {}).quietHours).toEqual({ start: "22:30", end: "07:00" });
    expect(applyNotificationChanges(quiet, { quietHours: null }).quietHours).toBeNull();
  });

  it("refuses unknown and duplicate kinds, bad times and equal bounds, naming the field", () => {
    expect(fieldOf(() => applyNotificationChanges(defaults, { kinds: [{ kind: "BUDGET_EXCEEDED" }, { kind: "NOPE" }] }))).toEqual({
      code: "BAD_USER_INPUT",
      field: "kinds[1].kind",
    });
    expect(fieldOf(() => applyNotificationChanges(defaults, { kinds: [{ kind: "ANOMALY" }, { kind: "ANOMALY" }] }))?.field).toBe(
      "kinds[1].kind",
    );
    expect(fieldOf(() => applyNotificationChanges(defaults, { quietHours: { start: "24:00", end: "07:00" } }))?.field).toBe(
      "quietHours.start",
    );
    expect(fieldOf(() => applyNotificationChanges(defaults, { quietHours: { start: "22:00", end: "7:00" } }))?.field).toBe(
      "quietHours.end",
    );
    expect(fieldOf(() => applyNotificationChanges(defaults, { quietHours: { start: "22:00", end: "22:00" } }))?.field).toBe(
      "quietHours.end",
    );
  });

  it("always yields every kind once, and applying the same changes twice changes nothing more", () => {
    const kind = fc.constantFrom(...NOTIFICATION_KINDS);
    const flag = fc.option(fc.boolean(), { nil: undefined });
    const changes: fc.Arbitrary<NotificationPreferenceChanges> = fc.record(
      {
        budgetAlerts: flag,
        billReminders: flag,
        goalProgress: flag,
        securityAlerts: flag,
        weeklySummary: flag,
        kinds: fc.uniqueArray(fc.record({ kind, inApp: flag, email: flag, push: flag }), { selector: (c) => c.kind, maxLength: 5 }),
        digest: fc.constantFrom("OFF" as const, "DAILY" as const, "WEEKLY" as const),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(changes, { maxLength: 4 }), changes, (history, last) => {
        const before = history.reduce(applyNotificationChanges, defaults);
        const once = applyNotificationChanges(before, last);
        expect(once.kinds.map((c) => c.kind)).toEqual([...NOTIFICATION_KINDS]);
        expect(applyNotificationChanges(once, last)).toEqual(once);
      }),
      { numRuns: 1000 },
    );
  });

  it("matches the defaults the migration wrote into existing rows", () => {
    const sql = readFileSync(new URL("../migrations/1796570000000-notification-preferences-kinds.ts", import.meta.url), "utf8");
    const rows = [...sql.matchAll(/\(\d+, '([A-Z_]+)', (true|false), (true|false), (?:'(\w+)'|NULL)\)/g)];
    // The migration is frozen with the kinds of its day; kinds added later are appended to the
    // contract and filled in with their defaults when a stored row lacks them (next test).
    expect(rows.map((r) => r[1])).toEqual(NOTIFICATION_KINDS.slice(0, rows.length));
    for (const [, kind, email, push, flag] of rows) {
      expect(DEFAULT_CHANNELS[kind as keyof typeof DEFAULT_CHANNELS]).toEqual({
        inApp: true,
        email: email === "true",
        push: push === "true",
      });
      const group = Object.entries(LEGACY_SWITCHES).find(([, kinds]) => (kinds as readonly string[]).includes(kind!))?.[0];
      expect(group).toBe(flag);
    }
  });

  it("fills a kind a stored row predates with its defaults, keeping the row's choices", () => {
    const [first, ...rest] = defaultNotificationPreferences().kinds;
    const stored = { kinds: [{ ...first!, email: !first!.email }, ...rest.slice(0, -1)], quietHours: null, digest: "DAILY" as const };
    const complete = withEveryKind(stored);
    expect(complete.kinds.map((c) => c.kind)).toEqual([...NOTIFICATION_KINDS]);
    expect(complete.kinds[0]).toEqual(stored.kinds[0]);
    const last = NOTIFICATION_KINDS[NOTIFICATION_KINDS.length - 1]!;
    expect(complete.kinds.at(-1)).toEqual({ kind: last, ...DEFAULT_CHANNELS[last], sms: false });
    expect(complete.digest).toBe("DAILY");
  });

  it("keeps SMS off unless a kind opts in, and a switch turned off turns its kinds' SMS off too", () => {
    expect(defaults.kinds.every((c) => c.sms === false)).toBe(true);
    // A row stored before SMS existed has no sms field: it reads as off.
    const { sms: _dropped, ...legacy } = defaults.kinds[0]!;
    expect(withEveryKind({ ...defaults, kinds: [legacy, ...defaults.kinds.slice(1)] }).kinds[0]).toMatchObject({ sms: false });
    const opted = applyNotificationChanges(defaults, { kinds: [{ kind: "BUDGET_EXCEEDED", sms: true }] });
    expect(opted.kinds.find((c) => c.kind === "BUDGET_EXCEEDED")).toMatchObject({ sms: true, email: true, push: true });
    expect(
      applyNotificationChanges(opted, { kinds: [{ kind: "BUDGET_EXCEEDED", email: false }] }).kinds.find(
        (c) => c.kind === "BUDGET_EXCEEDED",
      ),
    ).toMatchObject({ sms: true, email: false });
    expect(applyNotificationChanges(opted, { budgetAlerts: false }).kinds.find((c) => c.kind === "BUDGET_EXCEEDED")).toMatchObject({
      sms: false,
    });
  });
});
