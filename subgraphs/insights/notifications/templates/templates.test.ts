import { describe, expect, it } from "vitest";

import { NOTIFICATION_KINDS } from "../../../../schema/events/notifications.js";
import { clip, formatMoney, MAX_VARIABLE_LENGTH } from "./format.js";
import { renderNotification } from "./templates.js";

const en = { locale: "en-US", timezone: "America/New_York" };
const de = { locale: "de-DE", timezone: "Europe/Berlin" };
const budget = { budgetId: "b-1", spentMinor: "123456", availableMinor: "-2345", currency: "EUR", periodEnd: "2026-01-31" };

describe("notification templates", () => {
  it("formats money from minor units and dates in the user's locale", () => {
    const inGerman = renderNotification("BUDGET_EXCEEDED", budget, de);
    expect(inGerman.title).toBe("Budget exceeded");
    expect(inGerman.body).toContain("1.234,56\u00a0€");
    expect(inGerman.body).toContain("-23,45\u00a0€");
    expect(inGerman.body).toContain("31.01.2026");
    expect(inGerman.link).toBe("/budgets/b-1");
    const inEnglish = renderNotification("BUDGET_EXCEEDED", budget, en);
    expect(inEnglish.body).toContain("€1,234.56");
    expect(inEnglish.body).toContain("Jan 31, 2026");
  });

  it("keeps every minor unit, whatever the currency's exponent and size", () => {
    expect(formatMoney("123456789012345678901", "USD", "en-US")).toBe("$1,234,567,890,123,456,789.01");
    expect(formatMoney("1500", "JPY", "ja-JP")).toBe("￥1,500");
    expect(formatMoney("1234", "KWD", "en-US")).toBe("KWD\u00a01.234");
    expect(formatMoney("oops", "USD", "en-US")).toBe("oops USD");
  });

  it("shows instants in the user's zone", () => {
    const signIn = renderNotification("NEW_SIGN_IN", { at: "2026-01-15T23:30:00Z", userAgent: "Firefox", ipAddress: "203.0.113.9" }, en);
    expect(signIn.body).toContain("Jan 15, 2026, 6:30");
    expect(signIn.body).toContain("(Firefox, 203.0.113.9)");
  });

  it("renders every kind without throwing, even with no data and an unknown locale", () => {
    for (const kind of NOTIFICATION_KINDS) {
      const text = renderNotification(kind, {}, { locale: "xx-not-a-locale!!", timezone: "Mars/Olympus" });
      expect(text.title.length).toBeGreaterThan(0);
      expect(text.body.length).toBeGreaterThan(0);
    }
  });

  it("cuts a 10 MB variable down to a sane length", () => {
    const huge = "x".repeat(10 * 1024 * 1024);
    const bill = renderNotification(
      "BILL_DUE",
      { payee: huge, amountMinor: "100", currency: "USD", dueDate: "2026-02-01", scheduleId: huge },
      en,
    );
    expect(bill.title.length).toBeLessThanOrEqual(200);
    expect(bill.body.length).toBeLessThan(1_000);
    expect(bill.link!.length).toBeLessThan(200);
    expect(clip(huge)).toHaveLength(MAX_VARIABLE_LENGTH);
    expect(clip("😀".repeat(300))).not.toMatch(/[\ud800-\udbff]…$/);
  });

  it("links reports to /reports/<id>", () => {
    expect(renderNotification("REPORT_READY", { reportId: "r-9", format: "PDF", from: "2026-01-01", to: "2026-01-31" }, en).link).toBe(
      "/reports/r-9",
    );
  });
});
