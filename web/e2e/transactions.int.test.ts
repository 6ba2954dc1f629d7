import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eventually } from "../../platform/testing/eventually.js";
import { realServicesConfig } from "../../platform/testing/services.js";
import type { RegisteredUser } from "../../test/harness/supergraph.js";
import { PHONE, startWebApp, type WebAppFixture } from "./web-app.fixture.js";

/** Three good rows and one bad (line 4: the 31st of February). */
const STATEMENT = [
  "Date,Description,Amount",
  "2026-02-03,Harbor Books,-18.40",
  "2026-02-04,Lantern Cinema,-11.00",
  "2026-02-31,Broken Row,-1.00",
  "2026-02-05,Maple Grocers,-42.15",
].join("\n");

const POST = `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`;
const LIST = `query($filter: TransactionFilter) { transactions(filter: $filter) { nodes { id payee amount { amount } splits { amount { amount } category { name } } } } }`;

describe("the transactions page in a real browser (persisted-only gateway, real services)", () => {
  let app: WebAppFixture;
  let user: RegisteredUser;
  let account: string;
  const api = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await app.sg.query(query, variables, user.headers);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const rowOf = (page: Page, payee: string) => page.getByRole("row").filter({ hasText: payee });

  beforeAll(async () => {
    app = await startWebApp(realServicesConfig());
    user = await app.sg.register("Tess Ledger");
    account = await app.sg.createAccount(user, "EUR", "Everyday");
    // The default categories arrive with the registration event.
    await eventually(async () => expect((await api(`{ categories { id } }`)).categories.length).toBeGreaterThan(5));
  });
  afterAll(async () => app?.close());

  it("adds a transaction (once, even when the button is clicked twice), edits it, splits it, deletes and restores it", async () => {
    const page = await app.signedInPage(user, "/transactions");
    await page.getByRole("heading", { level: 1, name: "Transactions" }).waitFor();
    await page.getByText("No transactions yet.").waitFor();

    // Keyboard: the dialog takes focus, Escape closes it, and focus goes back to its button.
    const open = page.getByRole("button", { name: "Add transaction" });
    await open.click();
    const add = page.getByRole("dialog", { name: "Add a transaction" });
    await add.waitFor();
    expect(await add.getByLabel("Account").evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Escape");
    await add.waitFor({ state: "hidden" });
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await add.waitFor();
    expect(await add.getByLabel("Date").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await add.getByLabel("Payee").fill("Corner Bakery");
    await add.getByLabel("Amount (EUR)").fill("12.50");
    await add.getByLabel("Category").selectOption({ label: "Food › Groceries" });
    await add.getByLabel("Tags").fill("breakfast, weekend");
    await add.getByRole("button", { name: "Add transaction" }).dblclick();
    await add.waitFor({ state: "hidden" });
    const row = rowOf(page, "Corner Bakery");
    await row.waitFor();
    expect(await row.textContent()).toMatch(/12\.50/);
    expect(await row.textContent()).toContain("Groceries");
    expect(await row.textContent()).toContain("weekend");
    expect(await row.locator(".amount.negative").count()).toBeGreaterThan(0);
    // The idempotency key: one transaction, however many clicks.
    expect((await api(LIST)).transactions.nodes).toHaveLength(1);

    await page.getByRole("button", { name: /^Edit Corner Bakery/ }).click();
    const edit = page.getByRole("dialog", { name: "Edit transaction" });
    await edit.getByLabel("Payee").fill("Corner Bakery and Cafe");
    await edit.getByLabel("Amount (EUR)").fill("14.00");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await edit.waitFor({ state: "hidden" });
    await expect.poll(async () => rowOf(page, "Corner Bakery and Cafe").textContent(), { timeout: 10_000 }).toMatch(/14\.00/);

    // A split: the remainder is shown as the lines are typed, and they must add up.
    await page.getByRole("button", { name: /^Edit Corner Bakery and Cafe/ }).click();
    await edit.waitFor();
    await edit.getByLabel("Split between several categories").check();
    await edit.getByLabel("Line 1 category").selectOption({ label: "Food › Groceries" });
    await edit.getByLabel("Line 1 amount").fill("10");
    await edit.getByLabel("Line 2 category").selectOption({ label: "Food › Restaurants" });
    await edit.getByLabel("Line 2 amount").fill("3");
    await expect.poll(() => edit.getByTestId("split-remainder").textContent()).toMatch(/Left to assign: .*1\.00/);
    await edit.getByRole("button", { name: "Save changes" }).click();
    await edit.getByText("The lines must add up to the amount.").waitFor();
    await edit.getByLabel("Line 2 amount").fill("4");
    await expect.poll(() => edit.getByTestId("split-remainder").textContent()).toBe("The lines add up to the amount.");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await edit.waitFor({ state: "hidden" });
    await expect.poll(async () => rowOf(page, "Corner Bakery and Cafe").textContent(), { timeout: 10_000 }).toContain("Restaurants");
    const [saved] = (await api(LIST)).transactions.nodes;
    expect(saved.splits.map((s: { category: { name: string } }) => s.category.name).sort()).toEqual(["Groceries", "Restaurants"]);

    // Delete asks first; the notice offers an undo (restoreTransaction).
    await page.getByRole("button", { name: /^Delete Corner Bakery and Cafe/ }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this transaction?" });
    await confirm.waitFor();
    // The safe choice has focus: Enter alone does not delete.
    expect(await confirm.getByRole("button", { name: "Cancel" }).evaluate((el) => el === document.activeElement)).toBe(true);
    await confirm.getByRole("button", { name: "Delete" }).click();
    await page.getByText("No transactions yet.").waitFor();
    await page.getByRole("button", { name: "Undo" }).click();
    await rowOf(page, "Corner Bakery and Cafe").waitFor();
    await page.getByRole("button", { name: /^Delete Corner Bakery and Cafe/ }).click();
    await confirm.getByRole("button", { name: "Delete" }).click();
    await page.getByText("No transactions yet.").waitFor();
    expect((await api(LIST)).transactions.nodes).toHaveLength(0);

    // Another device posts: the list shows it without a reload.
    await api(POST, {
      input: { accountId: account, amount: { amount: "-2.30", currency: "EUR" }, date: "2026-02-10", payee: "Remote Kiosk" },
    });
    await rowOf(page, "Remote Kiosk").waitFor({ timeout: 10_000 });
  });

  it("imports a CSV with a bad row, shows the row's error, lists the good rows, and searches", async () => {
    const page = await app.signedInPage(user, "/transactions");
    await rowOf(page, "Remote Kiosk").waitFor();
    await page.getByLabel("Statement file (CSV, OFX or QFX)").setInputFiles({
      name: "statement.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(STATEMENT),
    });
    // The mapping is guessed from the header.
    await expect.poll(() => page.getByLabel("Date column").inputValue()).toBe("Date");
    expect(await page.getByLabel("Amount column").inputValue()).toBe("Amount");
    expect(await page.getByLabel("Payee column").inputValue()).toBe("Description");
    await page.getByRole("button", { name: "Import" }).click();
    const result = page.getByTestId("import-result");
    await expect.poll(() => result.getAttribute("data-status"), { timeout: 30_000 }).toBe("COMPLETED");
    const errors = page.getByRole("table", { name: "Rows that were not imported" });
    const bad = errors.getByRole("row").filter({ hasText: "BAD_DATE" });
    expect(await bad.getByRole("cell").first().textContent()).toBe("4");
    expect(await result.textContent()).toMatch(/Imported\s*3/);
    for (const payee of ["Harbor Books", "Lantern Cinema", "Maple Grocers"]) await rowOf(page, payee).waitFor({ timeout: 10_000 });
    // Imported rows are labelled so; the one the user typed carries no label.
    expect(await rowOf(page, "Harbor Books").textContent()).toContain("Imported");
    expect(await rowOf(page, "Remote Kiosk").textContent()).not.toContain("Imported");
    await app.screenshot(page, "transactions-desktop");

    // Search narrows the list, and the URL keeps it.
    await page.getByLabel("Search").fill("Lantern");
    await page.getByLabel("Search").press("Enter");
    await page.waitForURL(/q=Lantern/);
    await expect.poll(() => page.getByTestId("transaction-row").count()).toBe(1);
    await rowOf(page, "Lantern Cinema").waitFor();
    await page.getByRole("button", { name: "Clear" }).click();
    await expect.poll(() => page.getByTestId("transaction-row").count()).toBe(4);

    // Accessibility: no serious or critical findings on the filled page.
    // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses inline scripts.
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8"));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: unknown) => Promise<{ violations: Array<{ id: string; impact: string }> }> } })
        .axe;
      return (await axe.run(document)).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
    });
    expect(violations).toEqual([]);

    const phone = await app.signedInPage(user, "/transactions", { viewport: PHONE });
    await rowOf(phone, "Maple Grocers").waitFor();
    await app.screenshot(phone, "transactions-phone");
  });
});
