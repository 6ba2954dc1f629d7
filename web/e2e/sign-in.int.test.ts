import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { realServicesConfig } from "../../platform/testing/services.js";
import { startWebApp, type WebAppFixture } from "./web-app.fixture.js";

const PASSWORD = "browser-test-plum-tractor";

describe("signing up and in, in a real browser (persisted-only gateway, real services)", () => {
  let app: WebAppFixture;
  beforeAll(async () => {
    app = await startWebApp(realServicesConfig());
  });
  afterAll(async () => app?.close());

  it("registers through the form, lands on the overview, signs out and signs in again", async () => {
    const page = await app.newPage();
    const email = `browser.${Math.random().toString(36).slice(2, 10)}@example.com`;
    await page.goto("/");
    // Signed out: any page sends you to sign-in.
    await page.waitForURL("**/signin");
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Your name").fill("Browser Bea");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByLabel("Main currency").selectOption("EUR");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
    await expect(page.getByText("Browser Bea").first().isVisible()).resolves.toBe(true);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/signin");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill("not-the-password-at-all");
    await page.getByRole("button", { name: "Sign in" }).click();
    // The API's code, as a sentence: never raw JSON.
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("That e-mail and password do not match.");
    expect(await alert.textContent()).not.toContain("{");

    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
  });

  it("sends documentIds only: the gateway accepts nothing else, and no operation text ships in the app", async () => {
    const refused = await fetch(`${app.origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe(
      "PERSISTED_QUERY_REQUIRED",
    );
    const page = await app.newPage();
    const bodies: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/graphql") && request.method() === "POST") bodies.push(request.postData() ?? "");
    });
    const scripts: string[] = [];
    page.on("response", async (response) => {
      if (response.url().endsWith(".js")) scripts.push(await response.text());
    });
    await page.goto("/signin");
    await page.getByLabel("E-mail").fill("nobody@example.com");
    await page.getByLabel("Password").fill("whatever-it-is-long");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").waitFor();
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      expect(parsed.documentId).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(parsed.query).toBeUndefined();
    }
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).not.toMatch(/mutation SignIn|query Viewer/);
  });
});
