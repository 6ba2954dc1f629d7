import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Runs `npm start` (as scripts/start.ts) with the given env; resolves with exit code and stderr. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(repo, "scripts/start.ts"), "--memory"], {
      cwd: repo,
      env: { PATH: process.env.PATH, LOG_LEVEL: "silent", GATEWAY_PORT: "47999", ...env },
    });
    let stderr = "";
    let stdout = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.on("data", (d) => (stdout += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

describe("boot with a bad setting", () => {
  it.each([
    [{ DATABASE_URL: "not-a-url" }, /^moneta: invalid setting DATABASE_URL: must be a postgres:\/\/ URL$/],
    [{ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" }, /^moneta: invalid setting DATABASE_URL: cannot connect to PostgreSQL/],
    [{ KAFKA_BROKERS: "127.0.0.1:1" }, /^moneta: invalid setting KAFKA_BROKERS: no Kafka broker answered at 127\.0\.0\.1:1/],
    [{ REDIS_URL: "redis://127.0.0.1:1" }, /^moneta: invalid setting REDIS_URL: /],
    [{ GATEWAY_PORT: "http" }, /^moneta: invalid setting GATEWAY_PORT: /],
    [
      { GATEWAY_SUBGRAPH_TIMEOUT_MS: "30s" },
      /^moneta: invalid setting GATEWAY_SUBGRAPH_TIMEOUT_MS: must be a whole number of milliseconds/,
    ],
    [{ GATEWAY_SUBGRAPH_TIMEOUT_MS: "50" }, /^moneta: invalid setting GATEWAY_SUBGRAPH_TIMEOUT_MS: must be between 100 and 600000 ms/],
    [
      { CORS_ORIGINS: "https://app.example.com/" },
      /^moneta: invalid setting CORS_ORIGINS: "https:\/\/app\.example\.com\/" is not an origin/,
    ],
  ])("%o stops the process with one line naming it", async (env, message) => {
    const { code, stderr, stdout } = await start(env);
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(stdout).not.toContain("ready at");
  });
});
