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

  it("renders the group kinds and goals with the user's money and dates", () => {
    const joined = renderNotification(
      "GROUP_INVITATION",
      { groupId: "g-1", groupName: "Flat 3B", displayName: "Bob", invitedByYou: true, addedAt: "2026-03-01T09:00:00Z" },
      de,
    );
    expect(joined.title).toBe("Bob joined Flat 3B");
    expect(joined.body).toContain("Bob accepted your invitation and joined Flat 3B on 01.03.2026, 10:00");
    expect(joined.link).toBe("/groups/g-1");
    expect(renderNotification("GROUP_INVITATION", { groupName: "Flat 3B", displayName: "Bob" }, en).body).toBe("Bob joined Flat 3B.");

    const expense = renderNotification(
      "GROUP_EXPENSE",
      { groupId: "g-1", groupName: "Flat 3B", description: "Pizza", amountMinor: "4250", currency: "EUR", date: "2026-03-02" },
      de,
    );
    expect(expense.title).toBe("New expense in Flat 3B");
    expect(expense.body).toBe("Pizza (42,50\u00a0€) was added to Flat 3B, dated 02.03.2026.");

    const group = renderNotification(
      "GROUP_GOAL_REACHED",
      { groupId: "g-1", groupName: "Flat 3B", name: "Trip", targetMinor: "100000", savedMinor: "120000", currency: "USD" },
      en,
    );
    expect(group.body).toBe("Flat 3B reached its savings goal “Trip” of $1,000.00 ($1,200.00 saved).");

    const own = renderNotification(
      "SAVINGS_GOAL_REACHED",
      { goalId: "s-1", name: "Bike", targetMinor: "50000", currency: "EUR", reachedAt: "2026-03-01T09:00:00Z" },
      de,
    );
    expect(own.body).toBe("You reached your savings goal “Bike” of 500,00\u00a0€ on 01.03.2026, 10:00.");
    expect(own.link).toBe("/goals/s-1");
  });
});
