/**
 * Exact arithmetic on the API's decimal strings (money is never a float): amounts are held as
 * BigInt millionths, enough for every currency's minor units and for what parseAmountInput accepts.
 */
const SCALE = 6;
const ONE = 10n ** BigInt(SCALE);

/** "12.3" → 12300000n; undefined when it is not a plain decimal. */
export function toUnits(decimal: string): bigint | undefined {
  const match = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(decimal.trim());
  if (!match) return undefined;
  const [, sign, whole, fraction = ""] = match;
  const units = BigInt(whole!) * ONE + BigInt(fraction.padEnd(SCALE, "0"));
  return sign === "-" ? -units : units;
}

/** 12300000n → "12.30": at least `minDecimals` places, more only when the value has them. */
export function fromUnits(units: bigint, minDecimals = 2): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / ONE;
  let fraction = (abs % ONE).toString().padStart(SCALE, "0").replace(/0+$/, "");
  if (fraction.length < minDecimals) fraction = fraction.padEnd(minDecimals, "0");
  const text = fraction ? `${whole}.${fraction}` : `${whole}`;
  return negative && abs !== 0n ? `-${text}` : text;
}

/** `total` minus every part (parts that are not amounts count as zero), as a decimal string. */
export function remainderOf(total: string, parts: readonly (string | undefined)[]): string {
  let left = toUnits(total) ?? 0n;
  for (const part of parts) left -= (part !== undefined ? toUnits(part) : undefined) ?? 0n;
  return fromUnits(left);
}

/** The amount without its sign ("-12.30" → "12.30"). */
export const absolute = (decimal: string): string => decimal.trim().replace(/^[-+]/, "");

/** `decimal` signed as money out (negative) or in (positive). */
export function signed(decimal: string, direction: "out" | "in"): string {
  const abs = absolute(decimal);
  return direction === "out" && (toUnits(abs) ?? 0n) !== 0n ? `-${abs}` : abs;
}

/** A decimal string as a person types it in their locale ("1234.5" → "1234,5" in de-DE), no grouping. */
export function toInputText(decimal: string, locale: string): string {
  const separator = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  return decimal.replace(".", separator);
}
