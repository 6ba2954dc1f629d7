import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";

import { newTotpSecret, normalizeTotpCode, otpauthUri, totpStep } from "./totp.js";

const at = new Date("2026-11-22T10:00:10Z");
const step = Math.floor(at.getTime() / 30_000);
const codeAt = (secret: string, ms: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: ms });

describe("totp", () => {
  it("matches the RFC 6238 SHA-1 test vector", () => {
    // RFC 6238 appendix B: ASCII "12345678901234567890", T = 59 s, 8 digits → 94287082 (6 digits: 287082).
    const secret = Secret.fromLatin1("12345678901234567890").base32;
    expect(totpStep(secret, "287082", new Date(59_000))).toBe(1);
  });

  it("accepts the current step and one either side, not two", () => {
    const secret = newTotpSecret();
    for (const delta of [-1, 0, 1]) expect(totpStep(secret, codeAt(secret, at.getTime() + delta * 30_000), at)).toBe(step + delta);
    for (const delta of [-2, 2]) expect(totpStep(secret, codeAt(secret, at.getTime() + delta * 30_000), at)).toBeNull();
  });

  it("builds an otpauth URI for the Moneta issuer", () => {
    const uri = new URL(otpauthUri("JBSWY3DPEHPK3PXP", "dana@example.com"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("issuer")).toBe("Moneta");
    expect(uri.searchParams.get("secret")).toBe("JBSWY3DPEHPK3PXP");
    expect(decodeURIComponent(uri.pathname)).toContain("Moneta:dana@example.com");
  });

  it("makes 160-bit secrets and tolerates spaces in codes", () => {
    expect(Secret.fromBase32(newTotpSecret()).bytes).toHaveLength(20);
    expect(normalizeTotpCode(" 123 456 ")).toBe("123456");
    expect(normalizeTotpCode("12345")).toBeNull();
    expect(normalizeTotpCode("abcdef")).toBeNull();
  });
});
