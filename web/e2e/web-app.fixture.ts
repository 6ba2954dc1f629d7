import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import type { Browser, BrowserContext, Page } from "playwright-core";

import type { RunningGateway } from "../../gateway/gateway.js";
import type { PlatformConfig } from "../../platform/config/index.js";
import { ensureWebBuilt } from "../../scripts/web-build.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../test/harness/supergraph.js";
import { launchChromium } from "./browser.js";

/** Where the tests save their screenshots (git-ignored). */
export const SCREENSHOTS_DIR = fileURLToPath(new URL("./screenshots/", import.meta.url));

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 390, height: 844 };

export interface WebAppFixture {
  sg: TestSupergraph;
  /** A production-like gateway: persisted operations only, serving the built app at `/`. */
  gateway: RunningGateway;
  /** http://127.0.0.1:<port> */
  origin: string;
  browser: Browser;
  /** A fresh browser profile (own storage) at a viewport, in the user's locale and time zone. */
  newPage(options?: { viewport?: { width: number; height: number }; locale?: string; timezoneId?: string }): Promise<Page>;
  /** A page already signed in as `user` (tokens placed where the app keeps them), opened at `path`. */
  signedInPage(user: RegisteredUser, path?: string, options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** Saves a full-page screenshot as screenshots/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole supergraph on `config`, a second gateway that accepts persisted operations only and
 * serves web/dist (built first when stale), and headless Chromium. What a browser test needs to
 * drive the app as a person does, against the same contract production runs.
 */
export async function startWebApp(config: PlatformConfig): Promise<WebAppFixture> {
  await ensureWebBuilt();
  const sg = await startTestSupergraph(config);
  const contexts: BrowserContext[] = [];
  let browser: Browser | undefined;
  try {
    const gateway = await sg.startGateway({ persistedOnly: true });
    const origin = new URL(gateway.url).origin;
    browser = await launchChromium();
    const opened = browser;
    const newPage: WebAppFixture["newPage"] = async (options = {}) => {
      const context = await opened.newContext({
        viewport: options.viewport ?? DESKTOP,
        locale: options.locale ?? "en-US",
        timezoneId: options.timezoneId ?? "Europe/Berlin",
        baseURL: origin,
      });
      contexts.push(context);
      return context.newPage();
    };
    return {
      sg,
      gateway,
      origin,
      browser: opened,
      newPage,
      signedInPage: async (user, path = "/", options = {}) => {
        const page = await newPage(options);
        const session = { accessToken: user.accessToken, refreshToken: user.refreshToken, expiresAt: Date.now() + 14 * 60_000 };
        await page.addInitScript((value) => {
          if (!window.localStorage.getItem("moneta.session")) window.localStorage.setItem("moneta.session", value);
        }, JSON.stringify(session));
        await page.goto(path);
        return page;
      },
      screenshot: async (page, name) => {
        mkdirSync(SCREENSHOTS_DIR, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
      },
      close: async () => {
        for (const context of contexts) await context.close().catch(() => {});
        await opened.close();
        await sg.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await sg.close();
    throw error;
  }
}
