import { existsSync } from "node:fs";

import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium (.ci/run installs it with apt); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Headless Chromium as the machine has it: no browser download. The flags keep it from calling
 * home (this machine's network is closed, and refused connections slow every start), and
 * --no-sandbox because CI runs as root.
 * @throws when Chromium is not installed: a browser test without a browser is a failure, not a skip.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}
