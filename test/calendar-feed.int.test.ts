import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../platform/config/index.js";
import { embeddedConfig, realServicesConfig } from "../platform/testing/services.js";
import { FixedClock } from "../platform/time/index.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "./harness/supergraph.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const ROTATE = `mutation { rotateCalendarFeed { url } }`;
const REVOKE = `mutation { revokeCalendarFeed }`;
const FEED = `{ calendarFeed { active createdAt lastFetchedAt revokedAt } }`;

interface ParsedEvent {
  uid: string;
  summary: string;
  date: string;
  isDate: boolean;
}

/** Parsed by ical.js: a feed it cannot read fails here. */
function parseFeed(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe("vcalendar");
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  expect(calendar.getFirstPropertyValue("prodid")).toBeTruthy();
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    // RFC 5545 §3.6.1: DTSTAMP and UID are required in every VEVENT.
    expect(component.getFirstPropertyValue("dtstamp")).toBeTruthy();
    return { uid: event.uid, summary: event.summary, date: event.startDate.toString(), isDate: event.startDate.isDate };
  });
}

describe.each(modes)("calendar feeds through the gateway on %s", (_mode, config) => {
  // 23:30 UTC on March 10 is already March 11 in Auckland (UTC+13): the owner's day decides the window.
  const clock = new FixedClock("2026-03-10T23:30:00Z");
  let sg: TestSupergraph;
  let olive: RegisteredUser;
  let otto: RegisteredUser;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock });
    [olive, otto] = [await sg.register("Olive"), await sg.register("Otto")];
  });
  afterAll(async () => sg?.close());

  const ok = async (user: RegisteredUser, query: string, variables: Record<string, unknown> = {}) => {
    const r = await sg.query(query, variables, user.headers);
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  const fetchFeed = (url: string, headers: Record<string, string> = {}) =>
    fetch(new URL(new URL(url).pathname, sg.gateway.url), { headers });

  async function seedOlive() {
    await ok(olive, `mutation { updateProfile(input: { timezone: "Pacific/Auckland" }) { timezone } }`);
    const accountId = await sg.createAccount(olive, "USD");
    const rent = await ok(olive, `mutation($input: RecurringTransactionInput!) { createRecurringTransaction(input: $input) { id } }`, {
      input: {
        accountId,
        amount: { amount: "-1200.00", currency: "USD" },
        payee: "Landlord",
        frequency: "MONTHLY",
        startDate: "2026-03-15",
      },
    });
    const contact = await ok(olive, `mutation { createContact(input: { name: "Bank" }) { id } }`);
    const loan = await ok(olive, `mutation($input: CreateLoanInput!) { createLoan(input: $input) { id } }`, {
      input: {
        name: "Car",
        direction: "BORROWED",
        contactId: contact.createContact.id,
        principal: { amount: "1200.00", currency: "USD" },
        annualRatePercent: "0",
        termMonths: 12,
        startDate: "2026-03-01",
      },
    });
    const goal = await ok(
      olive,
      `mutation { createSavingsGoal(input: { name: "Bike", target: { amount: "900.00", currency: "USD" }, targetDate: "2026-12-31" }) { id } }`,
    );
    // Yesterday for Olive (today in UTC): outside her window.
    await ok(
      olive,
      `mutation { createSavingsGoal(input: { name: "Gone", target: { amount: "5.00", currency: "USD" }, targetDate: "2026-03-10" }) { id } }`,
    );
    const group = await ok(olive, `mutation { createGroup(input: { name: "Flat", currency: "USD" }) { id } }`);
    const groupGoal = await ok(olive, `mutation($input: CreateGroupSavingsGoalInput!) { createGroupSavingsGoal(input: $input) { id } }`, {
      input: { groupId: group.createGroup.id, name: "Sofa", target: { amount: "600.00", currency: "USD" }, deadline: "2026-09-30" },
    });
    return {
      rent: rent.createRecurringTransaction.id as string,
      loan: loan.createLoan.id as string,
      goal: goal.createSavingsGoal.id as string,
      groupGoal: groupGoal.createGroupSavingsGoal.id as string,
    };
  }

  it("serves the owner's items as valid iCalendar, dated in their zone with stable UIDs; rotation and revocation answer 404", async () => {
    const ids = await seedOlive();
    await ok(
      otto,
      `mutation { createSavingsGoal(input: { name: "Otto's boat", target: { amount: "9.00", currency: "USD" }, targetDate: "2026-06-01" }) { id } }`,
    );
    expect(await ok(olive, FEED)).toEqual({ calendarFeed: null });

    const { url } = (await ok(olive, ROTATE)).rotateCalendarFeed;
    expect(url).toMatch(/\/calendar\/cal_[0-9A-Za-z]{43}\.ics$/);
    const response = await fetchFeed(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
    const text = await response.text();
    const events = parseFeed(text);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(events.every((e) => e.isDate)).toBe(true);

    // Monthly rent from March 15 through February 15 next year (March 15 2027 is past the window).
    const rents = events.filter((e) => e.uid.startsWith(`recurring-${ids.rent}-`));
    expect(rents.map((e) => e.date)).toEqual(
      Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, 2 + i, 15)).toISOString().slice(0, 10)),
    );
    expect(byUid.get(`recurring-${ids.rent}-2026-03-15@moneta`)?.summary).toBe("Bill: Landlord -1200.00 USD");
    // Twelve installments of 100.00, April 1 to March 1.
    const installments = events.filter((e) => e.uid.startsWith(`loan-${ids.loan}-`));
    expect(installments).toHaveLength(12);
    expect(byUid.get(`loan-${ids.loan}-1@moneta`)).toMatchObject({ date: "2026-04-01", summary: "Loan payment: Car #1 100.00 USD" });
    expect(byUid.get(`savings-goal-${ids.goal}@moneta`)).toMatchObject({ date: "2026-12-31", summary: "Savings goal: Bike 900.00 USD" });
    expect(byUid.get(`group-goal-${ids.groupGoal}@moneta`)).toMatchObject({
      date: "2026-09-30",
      summary: "Group goal: Sofa (Flat) 600.00 USD",
    });
    // US dates (the default profile): Q1 to Q3 and Q4 of 2026, and 2025's return.
    expect(events.filter((e) => e.uid.startsWith("tax-")).map((e) => [e.date, e.summary])).toEqual([
      ["2026-04-15", "Tax balance due 2025 (US)"],
      ["2026-04-15", "Estimated tax Q1 2026 (US)"],
      ["2026-06-15", "Estimated tax Q2 2026 (US)"],
      ["2026-09-15", "Estimated tax Q3 2026 (US)"],
      ["2027-01-15", "Estimated tax Q4 2026 (US)"],
    ]);
    expect(text).not.toContain("Gone");
    expect(text).not.toContain("Otto");

    // The same items give the same body: an ETag revalidates for free.
    const again = await fetchFeed(url, { "if-none-match": response.headers.get("etag")! });
    expect(again.status).toBe(304);
    const state = (await ok(olive, FEED)).calendarFeed;
    expect(state).toMatchObject({ active: true, revokedAt: null, lastFetchedAt: expect.any(String) });

    // Otto's own feed shows his goal and nothing of Olive's.
    const ottoUrl = (await ok(otto, ROTATE)).rotateCalendarFeed.url;
    const ottoText = await (await fetchFeed(ottoUrl)).text();
    expect(parseFeed(ottoText).map((e) => e.summary)).toContain("Savings goal: Otto's boat 9.00 USD");
    expect(ottoText).not.toMatch(/Landlord|Bike|Sofa|Car/);

    const rotated = (await ok(olive, ROTATE)).rotateCalendarFeed.url;
    const old = await fetchFeed(url);
    expect(old.status).toBe(404);
    const notFoundBody = await old.text();
    expect((await fetchFeed(rotated)).status).toBe(200);

    expect(await ok(olive, REVOKE)).toEqual({ revokeCalendarFeed: true });
    expect(await ok(olive, REVOKE)).toEqual({ revokeCalendarFeed: false });
    const revoked = await fetchFeed(rotated);
    expect(revoked.status).toBe(404);
    // Revoked, rotated away, unknown and malformed all read the same.
    expect(await revoked.text()).toBe(notFoundBody);
    const guessed = await fetchFeed(`http://x/calendar/cal_${"a".repeat(43)}.ics`);
    expect([guessed.status, await guessed.text()]).toEqual([404, notFoundBody]);
    const garbage = await fetchFeed("http://x/calendar/nonsense.ics");
    expect([garbage.status, await garbage.text()]).toEqual([404, notFoundBody]);
    expect((await ok(olive, FEED)).calendarFeed).toMatchObject({ active: false, revokedAt: expect.any(String) });

    const log = (await ok(olive, `{ securityEvents { type } }`)).securityEvents.map((e: { type: string }) => e.type);
    // One of each change (the second revoke changed nothing); the pinned clock gives them one instant, so no order.
    expect(log.filter((t: string) => t.startsWith("CALENDAR_FEED_")).sort()).toEqual([
      "CALENDAR_FEED_REVOKED",
      "CALENDAR_FEED_ROTATED",
      "CALENDAR_FEED_ROTATED",
    ]);
  });

  it("lets only a signed-in session manage the feed, and throttles fetches per IP", async () => {
    const key = await ok(olive, `mutation { createApiKey(input: { name: "sync", scopes: ["ledger:read"] }) { secret } }`);
    const byKey = await sg.query(ROTATE, {}, { "x-api-key": key.createApiKey.secret });
    expect(byKey.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(byKey.data).toBeNull();

    // The tax dates the feed reads refuse a reversed or over-long window on its field.
    const reversed = await sg.query(`{ taxPaymentDates(from: "2026-05-01", to: "2026-04-01") { date } }`, {}, olive.headers);
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    const century = await sg.query(`{ taxPaymentDates(from: "2026-01-01", to: "2100-01-01") { date } }`, {}, olive.headers);
    expect(century.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });

    const tight = await sg.startGateway({ calendarFeedFetchesPerIp: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${new URL("/calendar/nonsense.ics", tight.url)}`)).status);
    expect(statuses[2]).toBe(429);
  });
});
