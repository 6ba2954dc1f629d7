import { createHash, randomInt } from "node:crypto";

import { badInput } from "../../../platform/errors/index.js";

// No 0/O, 1/I/L, U: codes are read aloud and typed from a phone screen.
const ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
const LENGTH = 12;

/** A fresh code, shown once, like "K7QM-2XWD-9HTR" (about 59 bits: not guessable within rate limits). */
export function newInviteCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** The stored form: a hash of the code as typed, ignoring case, spaces and dashes. */
export function inviteCodeHash(code: string): string {
  const normalized = code.toUpperCase().replace(/[\s-]/g, "");
  if (normalized.length !== LENGTH || [...normalized].some((c) => !ALPHABET.includes(c)))
    throw badInput("this is not an invite code", { field: "code" });
  return createHash("sha256").update(normalized).digest("hex");
}
