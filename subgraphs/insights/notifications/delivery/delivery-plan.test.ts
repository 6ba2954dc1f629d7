import { describe, expect, it } from "vitest";

import { DEFAULT_SETTINGS, type NotificationSettings } from "../preferences/preferences.js";
import { planDelivery } from "./delivery-plan.js";

const settings = (p: Partial<NotificationSettings["preferences"]>): NotificationSettings => ({
  ...DEFAULT_SETTINGS,
  timezone: "Europe/Berlin",
  preferences: { ...DEFAULT_SETTINGS.preferences, ...p },
});
const NIGHT = { start: "22:00", end: "07:00" };
const midnight = new Date("2026-01-14T23:30:00Z"); // 00:30 in Berlin
const noon = new Date("2026-01-15T11:00:00Z");

describe("planning a delivery", () => {
  it("never holds in-app", () => {
    expect(planDelivery("IN_APP", "ANOMALY", settings({ quietHours: NIGHT, digest: "DAILY" }), midnight)).toEqual({ action: "SEND" });
  });

  it("holds e-mail and push through quiet hours, but not security notices", () => {
    const s = settings({ quietHours: NIGHT });
    const wait = { action: "WAIT", until: new Date("2026-01-15T06:00:00Z"), digest: false };
    expect(planDelivery("EMAIL", "BUDGET_EXCEEDED", s, midnight)).toEqual(wait);
    expect(planDelivery("PUSH", "BUDGET_EXCEEDED", s, midnight)).toEqual(wait);
    expect(planDelivery("EMAIL", "NEW_SIGN_IN", s, midnight)).toEqual({ action: "SEND" });
    expect(planDelivery("EMAIL", "BUDGET_EXCEEDED", s, noon)).toEqual({ action: "SEND" });
  });

  it("batches low-priority e-mail into the digest; push and normal kinds go on their own", () => {
    const s = settings({ digest: "DAILY" });
    expect(planDelivery("EMAIL", "BILL_DUE", s, noon)).toEqual({ action: "WAIT", until: new Date("2026-01-16T07:00:00Z"), digest: true });
    expect(planDelivery("EMAIL", "ANOMALY", s, noon)).toMatchObject({ digest: true });
    expect(planDelivery("PUSH", "BILL_DUE", s, noon)).toEqual({ action: "SEND" });
    expect(planDelivery("EMAIL", "BUDGET_EXCEEDED", s, noon)).toEqual({ action: "SEND" });
    // The digest itself, once due, sends (or waits out quiet hours, keeping its digest mark).
    expect(planDelivery("EMAIL", "BILL_DUE", s, noon, true)).toEqual({ action: "SEND" });
    expect(planDelivery("EMAIL", "BILL_DUE", settings({ digest: "DAILY", quietHours: NIGHT }), midnight, true)).toEqual({
      action: "WAIT",
      until: new Date("2026-01-15T06:00:00Z"),
      digest: true,
    });
  });
});
