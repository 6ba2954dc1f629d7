import { describe, expect, it } from "vitest";

import { BACKUP_CODE_COUNT, hashBackupCode, newBackupCodes, normalizeBackupCode } from "./backup-codes.js";

describe("backup codes", () => {
  it("are distinct, typeable xxxxx-xxxxx codes without confusable characters", () => {
    const codes = newBackupCodes();
    expect(codes).toHaveLength(BACKUP_CODE_COUNT);
    expect(new Set(codes).size).toBe(BACKUP_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);
  });

  it("normalise case, spaces and dashes, and reject anything else", () => {
    expect(normalizeBackupCode(" ABCDE-fghjk ")).toBe("abcdefghjk");
    expect(normalizeBackupCode("abcde fghjk")).toBe("abcdefghjk");
    expect(normalizeBackupCode("abcde-fghj")).toBeNull();
    expect(normalizeBackupCode("abcde-fghj0")).toBeNull();
    expect(normalizeBackupCode("123456")).toBeNull();
  });

  it("hash per user, so equal codes of two users do not share a hash", () => {
    expect(hashBackupCode("u1", "abcdefghjk")).toBe(hashBackupCode("u1", "abcdefghjk"));
    expect(hashBackupCode("u1", "abcdefghjk")).not.toBe(hashBackupCode("u2", "abcdefghjk"));
  });
});
