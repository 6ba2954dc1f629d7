import { describe, expect, it } from "vitest";

import { type FileGrant, signFileGrant, verifyFileGrant } from "./file-link.js";

const secret = "s".repeat(40);
const grant: FileGrant = {
  key: "reports/u1/r1.pdf",
  userId: "11111111-1111-4111-8111-111111111111",
  expiresAt: 1_800_000_900,
  contentType: "application/pdf",
  filename: "statement-2026-01.pdf",
};
const before = new Date(1_800_000_000_000);

describe("file download grants", () => {
  it("verify what was signed, until the expiry instant", () => {
    const token = signFileGrant(grant, secret);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyFileGrant(token, secret, before)).toEqual(grant);
    expect(verifyFileGrant(token, secret, new Date(grant.expiresAt * 1000 - 1))).toEqual(grant);
    expect(verifyFileGrant(token, secret, new Date(grant.expiresAt * 1000))).toBeNull();
  });

  it("refuse another secret, and any change to the payload or the signature", () => {
    const token = signFileGrant(grant, secret);
    expect(verifyFileGrant(token, "t".repeat(40), before)).toBeNull();
    const [body, mac] = token.split(".") as [string, string];
    const forged = (change: Partial<Record<string, unknown>>) => {
      const payload = { ...JSON.parse(Buffer.from(body, "base64url").toString()), ...change };
      return `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${mac}`;
    };
    expect(verifyFileGrant(forged({ u: "22222222-2222-4222-8222-222222222222" }), secret, before)).toBeNull();
    expect(verifyFileGrant(forged({ e: grant.expiresAt + 3600 }), secret, before)).toBeNull();
    expect(verifyFileGrant(forged({ k: "reports/other/r.pdf" }), secret, before)).toBeNull();
    const flipped = `${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`;
    expect(verifyFileGrant(`${body}.${flipped}`, secret, before)).toBeNull();
    for (const junk of ["", ".", "abc", `${body}.`, `.${mac}`, `${body}.${mac}.x`, "x".repeat(5000)]) {
      expect(verifyFileGrant(junk, secret, before)).toBeNull();
    }
  });

  it("refuse to sign a filename or content type that would need escaping in headers", () => {
    expect(() => signFileGrant({ ...grant, filename: 'a"; evil=1.pdf' }, secret)).toThrow();
    expect(() => signFileGrant({ ...grant, filename: "../x.pdf" }, secret)).toThrow();
    expect(() => signFileGrant({ ...grant, contentType: "text/html\r\nx: y" }, secret)).toThrow();
  });
});
