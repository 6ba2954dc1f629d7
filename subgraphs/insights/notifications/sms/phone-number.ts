import { parsePhoneNumberFromString } from "libphonenumber-js";

import { badInput } from "../../../../platform/errors/index.js";

/** At most this many characters are looked at: a long string is not a phone number and is not parsed. */
const MAX_INPUT = 40;

/**
 * The number in E.164 (`+4915112345678`), or BAD_USER_INPUT naming `field`. The caller must give
 * the country code (a leading `+`): guessing a country from the server's locale would text a
 * stranger. Spaces, dashes and brackets between digits are accepted, as people write them.
 */
export function e164PhoneNumber(raw: string, field = "phoneNumber"): string {
  const input = raw.trim();
  if (input.length === 0 || input.length > MAX_INPUT || !input.startsWith("+")) {
    throw badInput("phone number must be in international format, starting with + and the country code (E.164)", { field });
  }
  const parsed = parsePhoneNumberFromString(input);
  if (!parsed?.isValid()) throw badInput("phone number is not a valid number (E.164)", { field });
  return parsed.number;
}

/** `+49 ••• ••• 78`: what a screen or a log may show of a number. */
export function maskedPhoneNumber(e164: string): string {
  return `${e164.slice(0, 3)}${"•".repeat(Math.max(0, e164.length - 5))}${e164.slice(-2)}`;
}
