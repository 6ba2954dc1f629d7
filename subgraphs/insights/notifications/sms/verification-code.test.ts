import { describe, expect, it } from "vitest";

import { codeMatches, hashVerificationCode, newVerificationCode } from "./verification-code.js";

describe("verification codes", () => {
  it("are six digits, zero-padded, and vary", () => {
    const codes = Array.from({ length: 200 }, newVerificationCode);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });

  it("are stored as a hash that verifies only for the same user, number and code", () => {
    const hash = hashVerificationCode("u1", "+4915112345678", "012345");
    expect(hash).not.toContain("012345");
    expect(codeMatches(hash, "u1", "+4915112345678", "012345")).toBe(true);
    expect(codeMatches(hash, "u1", "+4915112345678", " 012345 ")).toBe(true);
    expect(codeMatches(hash, "u1", "+4915112345678", "012346")).toBe(false);
    expect(codeMatches(hash, "u2", "+4915112345678", "012345")).toBe(false);
    expect(codeMatches(hash, "u1", "+14155552671", "012345")).toBe(false);
  });
});
