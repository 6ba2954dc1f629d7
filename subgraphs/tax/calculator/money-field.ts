import { badInput, isClientError } from "../../../platform/errors/index.js";
import type { Money, MoneyInput } from "../../../platform/money/index.js";

/**
 * A MoneyInput read as the money of `field`. The shared parser only knows "amount" and "currency",
 * which cannot tell taxableIncome from qualifiedIncome: its errors are renamed to `field` (or
 * `field.currency`) so the client knows which input to fix.
 */
export function moneyField(input: MoneyInput, field: string): Money {
  try {
    return input.toMoney();
  } catch (error) {
    if (!isClientError(error)) throw error;
    throw badInput(error.message, { field: error.extensions.field === "currency" ? `${field}.currency` : field });
  }
}
