import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { realServicesConfig } from "../../platform/testing/services.js";
import type { RegisteredUser } from "../../test/harness/supergraph.js";
import { PHONE, startWebApp, type WebAppFixture } from "./web-app.fixture.js";

const POST = `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`;

/** Today in a time zone, as the API writes days. */
const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

describe("accounts, budgets and the overview in a real browser (live budget progress)", () => {
  let app: WebAppFixture;
  let user: RegisteredUser;
  let currency: string;
  let timezone: string;

  /** An API call as the same user from another client (not the browser). */
  const api = async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const r = await app.sg.query(query, variables, user.headers);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data as T;
  };
  const barValue = async (page: Page, budgetId: string) =>
    Number(await page.getByTestId(`budget-progress-${budgetId}`).getAttribute("data-value"));

  beforeAll(async () => {
    app = await startWebApp(realServicesConfig());
    user = await app.sg.register("Budget Bea");
    const me = await api<{ me: { timezone: string; preferences: { baseCurrency: string } } }>(
      `{ me { timezone preferences { baseCurrency } } }`,
    );
    currency = me.me.preferences.baseCurrency;
    timezone = me.me.timezone || "UTC";
  });
  afterAll(async () => app?.close());

  it("creates an account and a budget through the forms; a transaction from another client moves the bar live within 2 s", async () => {
    const page = await app.signedInPage(user, "/accounts");
    await page.getByRole("heading", { level: 1, name: "Accounts" }).waitFor();
    await page.getByText("No accounts yet").waitFor();

    // (a) An account through the form.
    await page.getByLabel("Account name").fill("Everyday");
    await page.getByLabel("Type", { exact: true }).selectOption("CHECKING");
    expect(await page.getByLabel("Currency", { exact: true }).inputValue()).toBe(currency);
    await page.getByLabel("Opening balance").fill("1000");
    await page.getByLabel("Opening date").fill("2024-01-01");
    await page.getByRole("button", { name: "Add account" }).click();
    const row = page.getByRole("row", { name: /Everyday/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("Checking");
    await app.screenshot(page, "accounts-desktop");

    // A budget through the form, for every expense. Budgets learns of a new user from events, so a
    // budget made in the first seconds may be refused: the person simply presses the button again.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Budgets & goals" }).click();
    await page.getByRole("heading", { level: 1, name: "Budgets & goals" }).waitFor();
    await page.getByText("No budgets yet").waitFor();
    await page.getByLabel("Budget name").fill("Everything");
    await page.getByLabel(/Amount per period/).fill("500");
    await page.getByLabel("Period", { exact: true }).selectOption("MONTHLY");
    expect(await page.getByLabel("Every expense").isChecked()).toBe(true);
    const create = page.getByRole("button", { name: "Create budget" });
    await create.click();
    const listed = page.getByRole("list", { name: "Your budgets" }).getByText("Everything");
    await expect
      .poll(
        async () => {
          if ((await listed.count()) > 0) return true;
          if ((await page.getByRole("form", { name: "New budget" }).getByRole("alert").count()) > 0 && (await create.isEnabled()))
            await create.click();
          return false;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);

    const { budgets } = await api<{ budgets: Array<{ id: string; name: string }> }>(`{ budgets { id name } }`);
    const budgetId = budgets.find((b) => b.name === "Everything")!.id;
    const { accounts } = await api<{ accounts: Array<{ id: string; name: string }> }>(`{ accounts { id name } }`);
    const accountId = accounts.find((a) => a.name === "Everyday")!.id;
    const { categories } = await api<{ categories: Array<{ id: string; name: string }> }>(`{ categories { id name } }`);
    const groceries = categories.find((c) => c.name === "Groceries")!.id;
    expect(await barValue(page, budgetId)).toBe(0);

    // (b) From here on, the page must not navigate or reload.
    const navigations: string[] = [];
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    const spend = (amount: string) =>
      api(POST, {
        input: {
          accountId,
          amount: { amount: `-${amount}`, currency },
          date: todayIn(timezone),
          payee: "Corner shop",
          categoryId: groceries,
        },
      });

    // Warm-up: the budgets subgraph's Kafka consumer may still be joining its group.
    await spend("50.00");
    await expect.poll(() => barValue(page, budgetId), { timeout: 30_000, interval: 100 }).toBe(10);

    // The timed one: 100.00 of 500.00 more → 30 %.
    await spend("100.00");
    const answered = Date.now();
    await expect.poll(() => barValue(page, budgetId), { timeout: 2_000, interval: 20 }).toBe(30);
    const latency = Date.now() - answered;
    console.log(`budget bar moved ${latency} ms after postTransaction answered (no reload)`);
    expect(latency).toBeLessThan(2_000);
    expect(await page.getByTestId(`budget-progress-${budgetId}`).getAttribute("aria-valuenow")).toBe("30");
    expect(await page.getByRole("list", { name: "Your budgets" }).textContent()).toContain("150.00");
    expect(navigations).toEqual([]);

    // A savings goal through its form, and money put in.
    await page.getByLabel("Goal name").fill("Holiday");
    await page.getByLabel(/^Target \(/).fill("1000");
    await page.getByRole("button", { name: "Create goal" }).click();
    const goalForm = page.getByRole("form", { name: "Move money for Holiday" });
    await goalForm.waitFor();
    await goalForm.getByLabel(/Amount/).fill("250");
    await goalForm.getByRole("button", { name: "Add" }).click();
    const { savingsGoals } = await api<{ savingsGoals: Array<{ id: string }> }>(`{ savingsGoals { id } }`);
    await expect.poll(() => page.getByTestId(`goal-progress-${savingsGoals[0]!.id}`).getAttribute("data-value")).toBe("25.0");
    await app.screenshot(page, "budgets-desktop");
    await page.close();
  });

  it("shows net worth, this month's spending, budgets and alerts on the overview, at desktop and phone size", async () => {
    for (const [viewport, suffix] of [
      [undefined, "desktop"],
      [PHONE, "phone"],
    ] as const) {
      const page = await app.signedInPage(user, "/", { viewport });
      await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
      await page.getByRole("region", { name: "Budgets" }).getByText("Everything").waitFor();
      await page.getByTestId("spending-donut").waitFor();
      await page.getByTestId("net-worth-chart").waitFor();
      const spending = page.getByRole("region", { name: /^Spending in/ });
      expect(await spending.textContent()).toContain("Food");
      // 1000 opening, 150 spent.
      expect(await page.getByRole("region", { name: "Net worth" }).textContent()).toMatch(/850\.00/);
      await app.screenshot(page, `overview-${suffix}`);
      if (suffix === "phone") {
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Budgets & goals" }).click();
        await page.getByRole("heading", { level: 1, name: "Budgets & goals" }).waitFor();
        await page.getByRole("list", { name: "Your budgets" }).waitFor();
        await app.screenshot(page, "budgets-phone");
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" }).click();
        await page.getByRole("row", { name: /Everyday/ }).waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await app.screenshot(page, "accounts-phone");
      }
      await page.close();
    }
  });

  it("moves the overview's budget bar and shows the budget alert live when spending passes the warning level", async () => {
    const page = await app.signedInPage(user, "/");
    const budgetsCard = page.getByRole("region", { name: "Budgets" });
    await budgetsCard.getByText("Everything").waitFor();
    const alerts = page.getByRole("region", { name: "Budget alerts" });
    await alerts.getByText("No budget alerts").waitFor();
    const { budgets } = await api<{ budgets: Array<{ id: string }> }>(`{ budgets { id } }`);
    const { accounts } = await api<{ accounts: Array<{ id: string }> }>(`{ accounts { id } }`);
    const { categories } = await api<{ categories: Array<{ id: string; name: string }> }>(`{ categories { id name } }`);
    // 150 + 300 of 500: 90 %, past the 80 % warning.
    await api(POST, {
      input: {
        accountId: accounts[0]!.id,
        amount: { amount: "-300.00", currency },
        date: todayIn(timezone),
        payee: "Bike shop",
        categoryId: categories.find((c) => c.name === "Groceries")!.id,
      },
    });
    await expect.poll(() => barValue(page, budgets[0]!.id), { timeout: 10_000, interval: 50 }).toBe(90);
    expect(await page.getByTestId(`budget-progress-${budgets[0]!.id}`).getAttribute("class")).toContain("progress-warning");
    await alerts.getByText("Everything").waitFor({ timeout: 10_000 });
    expect(await alerts.textContent()).toContain("Warning");
    await page.close();
  });
});
