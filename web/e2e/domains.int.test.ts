import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eventually } from "../../platform/testing/eventually.js";
import { realServicesConfig } from "../../platform/testing/services.js";
import type { RegisteredUser } from "../../test/harness/supergraph.js";
import { PHONE, startWebApp, type WebAppFixture } from "./web-app.fixture.js";

/** A day `n` days before today (UTC), as the API writes days. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const SYMBOL = "DOMX1";
const LIVE_SYMBOL = "DOMY2";

/**
 * The main view of each remaining subgraph (investments, loans, tax, insights, notifications),
 * opened by one person whose data was written through the API as another client.
 */
describe("investments, loans, tax, insights and notifications in a real browser", () => {
  let app: WebAppFixture;
  let user: RegisteredUser;
  let portfolioId: string;

  /** The API as another client of the same user: raw operations on the test gateway. */
  const api = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const result = await app.sg.query(query, variables, { ...user.headers, ...headers });
    if (result.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
    return result.data;
  };

  const buy = (symbol: string, date: string, quantity: string, price: string) =>
    api(`mutation($i: RecordInvestmentTransactionInput!) { recordInvestmentTransaction(input: $i) { id } }`, {
      i: { portfolioId, type: "BUY", symbol, quantity, price: { amount: price, currency: "USD" }, date },
    });

  beforeAll(async () => {
    app = await startWebApp(realServicesConfig());
    user = await app.sg.register("Domains Dana");
    const accountId = await app.sg.createAccount(user, "USD");
    for (const [amount, days, payee] of [
      ["2500.00", 20, "Employer"],
      ["-64.20", 12, "Grocer"],
      ["-38.90", 5, "Grocer"],
    ] as const) {
      await api(`mutation($i: PostTransactionInput!) { postTransaction(input: $i) { id } }`, {
        i: { accountId, amount: { amount, currency: "USD" }, date: daysAgo(days), payee },
      });
    }

    portfolioId = (
      await api(`mutation($i: CreatePortfolioInput!) { createPortfolio(input: $i) { id } }`, {
        i: { name: "Long term", currency: "USD", costBasisMethod: "FIFO" },
      })
    ).createPortfolio.id;
    await buy(SYMBOL, daysAgo(30), "10", "100.00");
    await api(`mutation($i: SetPricesInput!) { setPrices(input: $i) { date } }`, {
      i: {
        prices: [
          { symbol: SYMBOL, date: daysAgo(30), close: { amount: "100.00", currency: "USD" } },
          { symbol: SYMBOL, date: daysAgo(1), close: { amount: "110.00", currency: "USD" } },
        ],
      },
    });

    const contactId = (await api(`mutation { createContact(input: { name: "Test Savings Bank" }) { id } }`)).createContact.id;
    await api(`mutation($i: CreateLoanInput!) { createLoan(input: $i) { id } }`, {
      i: {
        name: "Car loan",
        direction: "BORROWED",
        contactId,
        principal: { amount: "12000.00", currency: "USD" },
        annualRatePercent: "6",
        termMonths: 24,
        startDate: daysAgo(10),
      },
    });

    await api(`mutation($i: SetTaxProfileInput!) { setTaxProfile(input: $i) { year } }`, {
      i: { year: 2025, filingStatus: "MARRIED_FILING_JOINTLY", dependants: 1 },
    });

    // Insights learns of the account and its transactions from the broker: wait until it projects them.
    await eventually(async () => {
      const data = await api(`query { cashflowForecast(days: 90) { totals { currency series { date } } } }`);
      expect(data.cashflowForecast.totals[0]?.series.length).toBe(90);
    });
  }, 120_000);
  afterAll(async () => app?.close());

  const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name }).waitFor();

  /**
   * Does `act` (a change made by another client) until `target` shows up on the open page, which
   * only its live subscription can bring: the first change may come before the gateway has
   * attached the subscription, so it is repeated a few times rather than slept on.
   */
  const untilLive = async (act: (attempt: number) => Promise<unknown>, target: Locator) => {
    for (let attempt = 1; ; attempt++) {
      await act(attempt);
      try {
        await target.first().waitFor({ timeout: 4_000 });
        return;
      } catch (error) {
        if (attempt === 4) throw error;
      }
    }
  };

  it("shows a portfolio's holdings, value and chart, and a new trade from another client without a reload", async () => {
    const page = await app.signedInPage(user, "/investments");
    await heading(page, "Investments");
    const holdings = page.getByRole("table", { name: "Holdings" });
    await holdings.getByRole("row", { name: new RegExp(SYMBOL) }).waitFor();
    expect(await holdings.getByRole("row", { name: new RegExp(SYMBOL) }).textContent()).toContain("$1,100.00");
    await page.getByTestId("portfolio-value").filter({ hasText: "$1,100.00" }).waitFor();
    const chart = page.getByTestId("portfolio-value-chart");
    await chart.waitFor();
    expect(await chart.getByRole("img").getAttribute("aria-label")).toMatch(/^Portfolio value from .* to \$1,100\.00/);
    await app.screenshot(page, "investments-desktop");

    await untilLive(() => buy(LIVE_SYMBOL, daysAgo(2), "1", "50.00"), holdings.getByRole("row", { name: new RegExp(LIVE_SYMBOL) }));
  });

  it("lists the loan with what is owed and shows its amortization schedule", async () => {
    const page = await app.signedInPage(user, "/loans");
    await heading(page, "Loans");
    await page
      .getByRole("table", { name: "Loans" })
      .getByRole("row", { name: /Car loan/ })
      .waitFor();
    const schedule = page.getByRole("table", { name: "Amortization schedule" });
    await schedule.waitFor();
    // A header row and 24 monthly installments.
    expect(await schedule.getByRole("row").count()).toBe(25);
    expect(await page.getByTestId("owed-by-me").textContent()).toMatch(/\$1[12],\d{3}\.\d{2}/);
    await app.screenshot(page, "loans-desktop");
  });

  it("shows the tax year's estimate and the saved profile", async () => {
    const page = await app.signedInPage(user, "/tax?year=2025");
    await heading(page, "Tax");
    await page.getByRole("heading", { level: 2, name: "Estimate for 2025" }).waitFor();
    await page.getByTestId("tax-figures").waitFor();
    expect(await page.getByLabel("Filing status").inputValue()).toBe("MARRIED_FILING_JOINTLY");
    expect(await page.getByLabel("Children").inputValue()).toBe("1");
    expect(await page.getByText("Saved for 2025.").isVisible()).toBe(true);
    await app.screenshot(page, "tax-desktop");
  });

  it("draws the 90-day forecast with a text summary, and lists anomalies, savings and recommendations", async () => {
    for (const [viewport, name] of [
      [undefined, "insights-desktop"],
      [PHONE, "insights-phone"],
    ] as const) {
      const page = await app.signedInPage(user, "/insights", { viewport });
      await heading(page, "Insights");
      const chart = page.getByTestId("forecast-chart-USD");
      await chart.waitFor();
      expect(await chart.getByRole("img").getAttribute("aria-label")).toMatch(/^USD balance projected from \$2,396\.90 today/);
      for (const title of ["Unusual activity", "Recommendations", /^Savings rate/]) {
        await page.getByRole("heading", { level: 2, name: title }).waitFor();
      }
      await page.getByTestId("savings-rate").waitFor();
      await expect.poll(() => page.getByRole("status").count()).toBe(0);
      await app.screenshot(page, name);
    }
  });

  it("shows the inbox, and a notification another device causes arrives on top without a reload", async () => {
    const page = await app.signedInPage(user, "/notifications");
    await heading(page, "Notifications");
    // Loaded: empty, or whatever the setup above already caused.
    await page.getByRole("heading", { level: 2, name: /^Inbox \(\d+ unread\)$/ }).waitFor();
    // A sign-in from a device the user has not used before notifies them.
    const signInFrom = (attempt: number) =>
      api(
        `mutation($i: LoginInput!) { login(input: $i) { __typename } }`,
        { i: { email: user.email, password: user.password } },
        { "user-agent": `Domains test phone ${attempt}` },
      );
    const items = page.getByTestId("notification").filter({ hasText: "New sign-in to your account" });
    await untilLive(signInFrom, items);
    const item = items.first();
    expect(await item.textContent()).toMatch(/Domains test phone \d/);
    await page.getByRole("heading", { level: 2, name: /^Inbox \([1-9]\d* unread\)$/ }).waitFor();
    await app.screenshot(page, "notifications-desktop");

    await page.getByRole("button", { name: "Mark all read" }).click();
    await page.getByRole("heading", { level: 2, name: "Inbox (0 unread)" }).waitFor();
    expect(await page.getByRole("button", { name: /^Mark read/ }).count()).toBe(0);
  });
});
