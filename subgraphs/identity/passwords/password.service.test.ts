import { describe, expect, it } from "vitest";

import { PasswordService } from "./password.service.js";

const service = new PasswordService({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });

describe("passwords", () => {
  it("hashes with argon2id at 19 MiB and 2 iterations, and verifies", async () => {
    const hash = await service.hash("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$/);
    const params = Object.fromEntries(
      hash
        .split("$")[3]!
        .split(",")
        .map((kv) => kv.split("=")),
    );
    expect(params).toEqual({ m: "19456", t: "2", p: "1" });
    expect(await service.verify(hash, "correct horse battery staple")).toBe(true);
    expect(await service.verify(hash, "correct horse battery stapler")).toBe(false);
    expect(await service.verify(null, "anything at all")).toBe(false);
  });

  it("rejects short, overlong and common passwords with a reason", () => {
    const reason = (p: string, email?: string) => {
      try {
        service.assertAcceptable(p, email);
        return "OK";
      } catch (e) {
        return (e as { extensions: { reason: string } }).extensions.reason;
      }
    };
    expect(reason("short")).toBe("TOO_SHORT");
    expect(reason("x".repeat(300))).toBe("TOO_LONG");
    expect(reason("password1234")).toBe("COMMON");
    expect(reason("QWERTYUIOP12")).toBe("COMMON");
    expect(reason("alice@example.com", "Alice@Example.com")).toBe("COMMON");
    expect(reason("plum-tractor-velvet-93")).toBe("OK");
  });
});
