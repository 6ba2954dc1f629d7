import { dictionary } from "@zxcvbn-ts/language-common";
import argon2 from "argon2";

import { badInput } from "../../../platform/errors/index.js";
import type { IdentityConfig } from "../identity.config.js";

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 accepts any length; this keeps one request from hashing megabytes. */
const MAX_PASSWORD_LENGTH = 256;

/** ~49k most common passwords (zxcvbn's list), lower-cased for a case-insensitive check. */
const COMMON = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

export class PasswordService {
  /** A real hash of a random password: unknown e-mails are verified against it so timing matches. */
  private dummyHash?: Promise<string>;

  constructor(private readonly config: IdentityConfig["argon2"]) {}

  /** Length and common-password policy; throws BAD_USER_INPUT naming the rule. */
  assertAcceptable(password: string, email?: string): void {
    if (password.length < MIN_PASSWORD_LENGTH)
      throw badInput(`password must be at least ${MIN_PASSWORD_LENGTH} characters`, { field: "password", reason: "TOO_SHORT" });
    if (password.length > MAX_PASSWORD_LENGTH)
      throw badInput(`password must be at most ${MAX_PASSWORD_LENGTH} characters`, { field: "password", reason: "TOO_LONG" });
    const lower = password.toLowerCase();
    if (COMMON.has(lower) || (email && lower === email.toLowerCase())) {
      throw badInput("password is too common; choose another", { field: "password", reason: "COMMON" });
    }
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, ...this.config });
  }

  /** Verifies against the stored hash, or against a dummy when there is none, so both take the same time. */
  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    if (password.length > MAX_PASSWORD_LENGTH) return false;
    if (!hash) {
      this.dummyHash ??= this.hash(`dummy-${Math.random()}`);
      await argon2.verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
