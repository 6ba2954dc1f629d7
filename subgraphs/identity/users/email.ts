import validator from "validator";

import { badInput } from "../../../platform/errors/index.js";

/** Trims and lower-cases: one account per address whatever the case it is typed in. */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function isValidEmail(email: string): boolean {
  return email.length <= 254 && validator.isEmail(email, { allow_utf8_local_part: false, require_tld: true });
}

export function assertValidEmail(email: string): void {
  if (!isValidEmail(email)) throw badInput("invalid email address", { field: "email" });
}
