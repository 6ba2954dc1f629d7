import { badInput } from "../../../platform/errors/index.js";
import { normalizeCurrency } from "../../../platform/money/index.js";

/** When neither the sign-up nor its locale names a currency. */
export const FALLBACK_BASE_CURRENCY = "USD";

/**
 * A base currency a user chose (sign-up, preferences): an ISO-4217 code the runtime knows, upper-cased.
 * BAD_USER_INPUT on `baseCurrency` otherwise.
 */
export function chosenBaseCurrency(code: string): string {
  try {
    return normalizeCurrency(code);
  } catch {
    throw badInput(`unknown currency "${code.slice(0, 8)}": use an ISO-4217 code such as EUR or USD`, { field: "baseCurrency" });
  }
}

/**
 * The base currency a new account starts with when the sign-up names none: USD, always. The user
 * changes it any time with updateFinancialPreferences.
 *
 * Deliberately not guessed from the client's language: identity sees nothing of it (the gateway
 * forwards only the signed caller, IP and user agent), and a language is not a currency anyway
 * (de-CH counts in CHF, en-IN in INR, and plain "en" or "de" name no country). A fixed, documented
 * default that the sign-up can override is easier to rely on than a guess that is silently wrong.
 */
export function defaultBaseCurrency(): string {
  return FALLBACK_BASE_CURRENCY;
}
