import { describe, expect, it } from "vitest";

import { ConfigError } from "../config/index.js";
import { developmentKey, SecretBox, secretKeyFromEnv } from "./secret-box.js";

describe("SecretBox", () => {
  it("seals with AES-256-GCM bound to its row; another row, key or a flipped bit does not open", () => {
    const box = new SecretBox(Buffer.alloc(32, 7));
    const sealed = box.seal("https://user:pass@bridge.example/simplefin", "row-1");
    expect(sealed).not.toContain("pass");
    expect(box.open(sealed, "row-1")).toBe("https://user:pass@bridge.example/simplefin");
    expect(box.seal("same", "row-1")).not.toBe(box.seal("same", "row-1"));
    expect(() => box.open(sealed, "row-2")).toThrow();
    expect(() => new SecretBox(Buffer.alloc(32, 8)).open(sealed, "row-1")).toThrow();
    const [v, iv, tag, data] = sealed.split(".");
    const flipped = Buffer.from(data!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([v, iv, tag, flipped.toString("base64url")].join("."), "row-1")).toThrow();
    expect(() => box.open("garbage", "row-1")).toThrow("not a sealed secret");
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow();
  });

  it("keeps the webhook development key it had before it moved to the platform (existing rows still open)", () => {
    expect(developmentKey("webhook secret").toString("hex")).toBe("465290fefb8a741dd6f1dc6f911865e44c9ac6bdc5059a6e046e8408c70a4402");
    expect(developmentKey("bank credentials")).not.toEqual(developmentKey("webhook secret"));
  });

  it("reads its key from env: required in production, a development default otherwise, 32 bytes either way", () => {
    const hex = "ab".repeat(32);
    expect(secretKeyFromEnv({ K: hex }, "K", "x", true).toString("hex")).toBe(hex);
    expect(secretKeyFromEnv({ K: Buffer.alloc(32, 1).toString("base64") }, "K", "x", true)).toEqual(Buffer.alloc(32, 1));
    expect(secretKeyFromEnv({}, "K", "x", false)).toEqual(developmentKey("x"));
    expect(() => secretKeyFromEnv({}, "K", "x", true)).toThrow(ConfigError);
    expect(() => secretKeyFromEnv({ K: "c2hvcnQ=" }, "K", "x", false)).toThrow(ConfigError);
  });
});
