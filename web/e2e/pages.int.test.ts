import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eventually } from "../../platform/testing/eventually.js";
import { realServicesConfig } from "../../platform/testing/services.js";
import type { RegisteredUser } from "../../test/harness/supergraph.js";
import { PHONE, startWebApp, type WebAppFixture } from "./web-app.fixture.js";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Every main page of the app, with the heading it shows. */
const PAGES: Array<{ path: string; name: string; heading: string }> = [
  { path: "/", name: "overview", heading: "Overview" },
  { path: "/transactions", name: "transactions", heading: "Transactions" },
  { path: "/accounts", name: "accounts", heading: "Accounts" },
  { path: "/budgets", name: "budgets", heading: "Budgets & goals" },
  { path: "/groups", name: "groups", heading: "Groups" },
  { path: "/investments", name: "investments", heading: "Investments" },
  { path: "/loans", name: "loans", heading: "Loans" },
  { path: "/tax", name: "tax", heading: "Tax" },
  { path: "/insights", name: "insights", heading: "Insights" },
  { path: "/notifications", name: "notifications", heading: "Notifications" },
];

const POST = `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`;
const CREATE_BUDGET = `mutation($input: CreateBudgetInput!) { createBudget(input: $input) { id } }`;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core in the page (through the DevTools protocol, so the app's CSP still holds). */
async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(o: unknown): Promise<{ violations: AxeViolation[] }> } }).axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** The page's heading is shown and nothing on it is still loading. */
async function settled(page: Page, heading: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await expect.poll(() => page.locator(".loading").count(), { timeout: 15_000 }).toBe(0);
}

describe("every main page in a real browser: accessible, on desktop and phone, small to load", () => {
  let app: WebAppFixture;
  let user: RegisteredUser;

  beforeAll(async () => {
    app = await startWebApp(realServicesConfig());
    user = await app.sg.register("Page Tester");
    const accountId = await app.sg.createAccount(user, "USD", "Everyday");
    for (const [payee, amount] of [
      ["Salary", "2500.00"],
      ["Grocer", "-84.20"],
      ["Rent", "-1200.00"],
    ] as const) {
      const r = await app.sg.query(
        POST,
        { input: { accountId, amount: { amount, currency: "USD" }, payee, date: "2026-12-01" } },
        user.headers,
      );
      expect(r.errors).toBeUndefined();
    }
  });
  afterAll(async () => app?.close());

  it.each(PAGES)("$name: no serious or critical axe violations; screenshots at desktop and phone size", async ({ path, name, heading }) => {
    for (const [size, viewport] of [
      ["desktop", undefined],
      ["phone", PHONE],
    ] as const) {
      const page = await app.signedInPage(user, path, viewport ? { viewport } : {});
      await settled(page, heading);
      const violations = (await axe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(violations, `${name} (${size}): ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      // Nothing spills sideways on a phone: the page is as wide as the screen.
      if (viewport) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width + 1);
      await app.screenshot(page, `page-${name}-${size}`);
      await page.close();
    }
  });

  it("keeps live updates flowing across a token rotation: the app refreshes before expiry and its socket reconnects with the new token", async () => {
    const rotating = await app.sg.register("Rotating Rosa");
    const accountId = await app.sg.createAccount(rotating, "USD");
    let budgetId = "";
    // Budgets learns about a new user from identity's events; until then it refuses the budget.
    await eventually(async () => {
      const r = await app.sg.query(
        CREATE_BUDGET,
        { input: { name: "Everything", categoryIds: [], period: "MONTHLY", amount: { amount: "100.00", currency: "USD" } } },
        rotating.headers,
      );
      expect(r.errors).toBeUndefined();
      budgetId = r.data.createBudget.id;
    });
    const page = await app.newPage();
    // An access token that the app considers a minute from expiry: it rotates within seconds.
    const session = { accessToken: rotating.accessToken, refreshToken: rotating.refreshToken, expiresAt: Date.now() + 62_000 };
    await page.addInitScript((value) => {
      if (!window.localStorage.getItem("moneta.session")) window.localStorage.setItem("moneta.session", value);
    }, JSON.stringify(session));
    await page.goto("/budgets");
    const bar = page.getByTestId(`budget-progress-${budgetId}`);
    await bar.waitFor();
    const stored = async () =>
      JSON.parse((await page.evaluate(() => window.localStorage.getItem("moneta.session"))) ?? "{}") as typeof session;
    await expect.poll(async () => (await stored()).refreshToken, { timeout: 15_000 }).not.toBe(rotating.refreshToken);
    const rotated = await stored();
    const today = new Date().toISOString().slice(0, 10);
    const navigations: string[] = [];
    page.on("framenavigated", (frame) => navigations.push(frame.url()));
    // Posted as the rotated session (the old access token still works until it expires).
    await eventually(async () => {
      const r = await app.sg.query(
        POST,
        { input: { accountId, amount: { amount: "-25.00", currency: "USD" }, payee: "After rotation", date: today } },
        { authorization: `Bearer ${rotated.accessToken}` },
      );
      expect(r.errors).toBeUndefined();
    });
    await expect.poll(async () => Number(await bar.getAttribute("data-value")), { timeout: 30_000, interval: 100 }).toBe(25);
    expect(navigations).toEqual([]);
    // Last, since replaying it ends the session (reuse detection): the refresh token the app started
    // with is spent, identity rotated it once.
    const reuse = await app.sg.query(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, {
      t: rotating.refreshToken,
    });
    expect(reuse.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("first load of the overview: JavaScript shipped (gzip) under 300 KB, and time to interactive measured", async () => {
    const page = await app.newPage();
    const scripts = new Map<string, Buffer>();
    page.on("response", async (response) => {
      if (response.url().endsWith(".js")) scripts.set(response.url(), await response.body());
    });
    const session = { accessToken: user.accessToken, refreshToken: user.refreshToken, expiresAt: Date.now() + 14 * 60_000 };
    await page.addInitScript((value) => window.localStorage.setItem("moneta.session", value), JSON.stringify(session));
    await page.goto("/");
    await settled(page, "Overview");
    // Interactive: the overview's data is drawn and the main thread answers a click at once.
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return { domInteractive: Math.round(nav.domInteractive), settled: Math.round(performance.now()) };
    });
    const gzipBytes = [...scripts.values()].reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    const rawBytes = [...scripts.values()].reduce((sum, body) => sum + body.length, 0);
    console.log(
      `[web] overview first load: ${scripts.size} scripts, ${(rawBytes / 1024).toFixed(1)} KiB raw, ${(gzipBytes / 1024).toFixed(1)} KiB gzip; ` +
        `DOM interactive ${timing.domInteractive} ms, data drawn ${timing.settled} ms after navigation start`,
    );
    expect(gzipBytes).toBeLessThan(300 * 1024);
  });
});
