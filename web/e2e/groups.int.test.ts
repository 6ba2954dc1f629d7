import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { realServicesConfig } from "../../platform/testing/services.js";
import type { RegisteredUser } from "../../test/harness/supergraph.js";
import { PHONE, startWebApp, type WebAppFixture } from "./web-app.fixture.js";

const JOIN = `mutation($code: String!, $name: String) { joinGroup(code: $code, displayName: $name) { id } }`;
const CONTRIBUTE = `mutation($i: GroupSavingsGoalMovementInput!) { contributeToGroupSavingsGoal(input: $i) { saved { amount } } }`;

/**
 * The page's graphql-ws traffic: each "subscribe" it sends and each update it receives (the app's
 * socket opens lazily, after this is attached).
 */
function recordLive(page: Page): { sent: string[]; received: string[] } {
  const live = { sent: [] as string[], received: [] as string[] };
  page.on("websocket", (socket) => {
    socket.on("framesent", ({ payload }) => {
      const text = payload.toString();
      if (text.includes('"subscribe"')) live.sent.push(text);
    });
    socket.on("framereceived", ({ payload }) => {
      const text = payload.toString();
      if (text.includes('"next"')) live.received.push(text);
    });
  });
  return live;
}

/** axe-core's serious and critical findings on the page as it is now (rule id: how many nodes). */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the app's CSP (rightly) refuses inline scripts.
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8"));
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } })
      .axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return found.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes}`);
}

describe("groups in a real browser: two members, a shared goal that moves live", () => {
  let app: WebAppFixture;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  beforeAll(async () => {
    app = await startWebApp(realServicesConfig());
    [alice, bob] = [await app.sg.register("Alice Owner"), await app.sg.register("Bob Saver")];
  });
  afterAll(async () => app?.close());

  it("creates a group and a goal in the UI; another member's contribution moves the bar and the leaderboard with no reload", async () => {
    const page = await app.signedInPage(alice, "/groups");
    const live = recordLive(page);
    await page.getByRole("heading", { level: 1, name: "Groups" }).waitFor();
    await page.getByText("You are not in any group yet").waitFor();

    await page.getByLabel("Group name").fill("Flat 12");
    await page.getByLabel("Group currency").selectOption("EUR");
    await page.getByLabel("Your name in the group").first().fill("Alice");
    await page.getByRole("button", { name: "Create group" }).click();
    await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
    const groupId = new URL(page.url()).pathname.split("/").pop()!;
    await page.getByRole("heading", { level: 1, name: "Flat 12" }).waitFor();

    // An invite code, shown once; Bob joins with it from his own client. Alice sees him arrive live.
    await page.getByRole("button", { name: "Create invite code" }).click();
    const code = (await page.locator("output.invite-code").textContent())!.trim();
    expect(code.length).toBeGreaterThan(5);
    await expect.poll(() => live.sent.some((text) => text.includes(groupId))).toBe(true);
    const joined = await app.sg.query(JOIN, { code, name: "Bob" }, bob.headers);
    expect(joined.errors).toBeUndefined();
    const members = page.getByRole("region", { name: "Members" });
    await members.getByText("Bob", { exact: true }).waitFor({ timeout: 15_000 });

    // A savings goal, created in the UI.
    await page.getByLabel("Goal name").fill("New sofa");
    await page.getByLabel("Target (EUR)").fill("1000");
    await page.getByRole("button", { name: "Create goal" }).click();
    const bar = page.locator('[data-testid^="group-goal-progress-"]');
    await bar.waitFor();
    const goalId = (await bar.getAttribute("data-testid"))!.replace("group-goal-progress-", "");
    expect(await bar.getAttribute("data-value")).toBe("0.0");
    // Alice's page asks for the goal's updates as soon as it shows the goal.
    await expect.poll(() => live.sent.some((text) => text.includes(goalId))).toBe(true);

    // From here on, nothing may reload or navigate the page.
    const navigations: string[] = [];
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    // Bob contributes from another device; Alice's bar and leaderboard follow within seconds.
    const started = Date.now();
    const contributed = await app.sg.query(
      CONTRIBUTE,
      { i: { goalId, amount: { amount: "250", currency: "EUR" }, idempotencyKey: crypto.randomUUID() } },
      bob.headers,
    );
    expect(contributed.errors).toBeUndefined();
    await expect.poll(() => bar.getAttribute("data-value"), { timeout: 5_000, interval: 50 }).toBe("25.0");
    const leaderboard = page.getByTestId("group-goal-leaderboard");
    await expect.poll(() => leaderboard.textContent(), { timeout: 2_000 }).toMatch(/Bob\s*€250\.00/);
    const latencyMs = Date.now() - started;
    console.log(`group goal: Bob's contribution reached Alice's page in ${latencyMs} ms`);
    expect(await leaderboard.getByRole("listitem").count()).toBe(1);
    // It came over the socket: the goal as pushed by the gateway, with Bob's contribution in it.
    expect(live.received.some((text) => text.includes("groupSavingsGoalUpdated") && text.includes('"250.00"'))).toBe(true);

    // Alice puts in less through the UI: she is second on the leaderboard.
    await page.getByLabel("Your contribution (EUR)").fill("100");
    await page.getByRole("button", { name: "Contribute" }).click();
    await expect.poll(() => bar.getAttribute("data-value")).toBe("35.0");
    await expect
      .poll(() => leaderboard.getByRole("listitem").allTextContents())
      .toEqual([expect.stringMatching(/Bob\s*€250\.00/), expect.stringMatching(/Alice\s*€100\.00/)]);

    // An expense Alice paid, shared by both: the balances and the settle-up plan follow.
    await page.getByLabel("Description").fill("Groceries");
    await page.getByLabel("Amount (EUR)").fill("60");
    await page.getByRole("button", { name: "Add expense" }).click();
    const expenses = page.getByRole("region", { name: "Expenses" });
    await expenses.getByRole("cell", { name: "Groceries", exact: true }).waitFor();
    const balances = page.getByTestId("group-balances");
    await expect.poll(() => balances.getByRole("row").allTextContents()).toEqual(["Alice+€30.00", "Bob-€30.00"]);
    const transfer = page.getByRole("button", { name: "Record settlement: Bob pays Alice €30.00" });
    await transfer.waitFor();
    expect(navigations).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await app.screenshot(page, "group-desktop");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Recording the plan's transfer squares everyone.
    await transfer.click();
    await page.getByText("Everyone is square.").waitFor();
    await expect.poll(() => balances.getByRole("row").allTextContents()).toEqual(["Alice€0.00", "Bob€0.00"]);

    const list = await app.signedInPage(alice, "/groups");
    await list.getByRole("link", { name: "Flat 12" }).waitFor();
    await app.screenshot(list, "groups-desktop");
    expect(await seriousAxeViolations(list)).toEqual([]);

    const phone = await app.signedInPage(alice, `/groups/${groupId}`, { viewport: PHONE });
    await phone.getByTestId("group-goal-leaderboard").waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await app.screenshot(phone, "group-phone");
    expect(await seriousAxeViolations(phone)).toEqual([]);
  });
});
