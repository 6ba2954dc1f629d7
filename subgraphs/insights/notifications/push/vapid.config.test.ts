import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";
import webpush from "web-push";

import { loadPushConfig } from "./vapid.config.js";

const settingOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { name?: string; setting?: string }).name === "ConfigError" ? (error as { setting: string }).setting : String(error);
  }
  return undefined;
};

describe("loadPushConfig", () => {
  const dir = mkdtempSync(join(tmpdir(), "moneta-vapid-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const keys = webpush.generateVAPIDKeys();

  it("takes the keys and subject from the environment", () => {
    expect(
      loadPushConfig({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: "mailto:ops@example.com" }),
    ).toEqual({
      ...keys,
      subject: "mailto:ops@example.com",
      source: "environment",
      allowLoopbackHttp: false,
    });
  });

  it("generates a pair once for the embedded default and reads the same pair at the next start", () => {
    const file = join(dir, "nested", "vapid.json");
    const first = loadPushConfig({ VAPID_KEYS_FILE: file });
    expect(first).toMatchObject({ source: "generated", subject: "mailto:moneta@localhost" });
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ publicKey: first.publicKey, privateKey: first.privateKey });
    const second = loadPushConfig({ VAPID_KEYS_FILE: file });
    expect(second).toMatchObject({ source: "file", publicKey: first.publicKey, privateKey: first.privateKey });
  });

  it("refuses half a pair, mismatched or malformed keys, a bad subject, a damaged file, and production without keys or a named file", () => {
    const other = webpush.generateVAPIDKeys();
    expect(settingOf(() => loadPushConfig({ VAPID_PUBLIC_KEY: keys.publicKey }))).toBe("VAPID_PRIVATE_KEY");
    expect(settingOf(() => loadPushConfig({ VAPID_PRIVATE_KEY: keys.privateKey }))).toBe("VAPID_PUBLIC_KEY");
    expect(settingOf(() => loadPushConfig({ VAPID_PUBLIC_KEY: other.publicKey, VAPID_PRIVATE_KEY: keys.privateKey }))).toBe(
      "VAPID_PUBLIC_KEY",
    );
    expect(settingOf(() => loadPushConfig({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: "c2hvcnQ" }))).toBe("VAPID_PRIVATE_KEY");
    for (const subject of ["ops@example.com", "http://example.com", "mailto:nobody"])
      expect(settingOf(() => loadPushConfig({ ...keysEnv(), VAPID_SUBJECT: subject }))).toBe("VAPID_SUBJECT");
    expect(settingOf(() => loadPushConfig({ ...keysEnv(), PUSH_ALLOW_LOOPBACK_HTTP: "yes" }))).toBe("PUSH_ALLOW_LOOPBACK_HTTP");
    expect(settingOf(() => loadPushConfig({ ...keysEnv(), PUSH_ALLOW_LOOPBACK_HTTP: "true", NODE_ENV: "production" }))).toBe(
      "PUSH_ALLOW_LOOPBACK_HTTP",
    );
    expect(settingOf(() => loadPushConfig({ NODE_ENV: "production" }))).toBe("VAPID_PUBLIC_KEY");
    expect(loadPushConfig({ NODE_ENV: "production", VAPID_KEYS_FILE: join(dir, "prod.json") }).source).toBe("generated");
    const damaged = join(dir, "damaged.json");
    writeFileSync(damaged, "{not json");
    expect(settingOf(() => loadPushConfig({ VAPID_KEYS_FILE: damaged }))).toBe("VAPID_KEYS_FILE");
  });

  const keysEnv = () => ({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey });
});
