import { describe, expect, it } from "vitest";

import { signFileGrant, verifyFileGrant } from "./file-link.js";
import { signUploadGrant, type UploadGrant, verifyUploadGrant } from "./upload-grant.js";

const secret = "s".repeat(40);
const grant: UploadGrant = {
  key: "receipts/u1/r1",
  userId: "11111111-1111-4111-8111-111111111111",
  targetId: "22222222-2222-4222-8222-222222222222",
  contentType: "image/jpeg",
  maxBytes: 1234,
  expiresAt: 1_800_000_600,
};
const before = new Date(1_800_000_000_000);

describe("upload grants", () => {
  it("verify what was signed until the expiry instant, then say expired", () => {
    const token = signUploadGrant(grant, secret);
    expect(verifyUploadGrant(token, secret, before)).toEqual({ ok: true, grant });
    expect(verifyUploadGrant(token, secret, new Date(grant.expiresAt * 1000 - 1))).toEqual({ ok: true, grant });
    expect(verifyUploadGrant(token, secret, new Date(grant.expiresAt * 1000))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuse another secret, a changed payload or signature, junk, and a download token", () => {
    const token = signUploadGrant(grant, secret);
    const invalid = { ok: false, reason: "invalid" };
    expect(verifyUploadGrant(token, "t".repeat(40), before)).toEqual(invalid);
    const [body, mac] = token.split(".") as [string, string];
    const forged = (change: Record<string, unknown>) =>
      `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, "base64url").toString()), ...change })).toString("base64url")}.${mac}`;
    expect(verifyUploadGrant(forged({ s: 10_000_000 }), secret, before)).toEqual(invalid);
    expect(verifyUploadGrant(forged({ t: "application/pdf" }), secret, before)).toEqual(invalid);
    expect(verifyUploadGrant(forged({ e: grant.expiresAt - 3600 }), secret, before)).toEqual(invalid);
    for (const junk of ["", ".", "abc", `${body}.`, `.${mac}`, `${body}.${mac}.x`, "x".repeat(5000)])
      expect(verifyUploadGrant(junk, secret, before)).toEqual(invalid);
    const download = signFileGrant(
      { key: grant.key, userId: grant.userId, expiresAt: grant.expiresAt, contentType: "image/jpeg", filename: "r.jpg" },
      secret,
    );
    expect(verifyUploadGrant(download, secret, before)).toEqual(invalid);
    expect(verifyFileGrant(token, secret, before)).toBeNull();
  });
});
