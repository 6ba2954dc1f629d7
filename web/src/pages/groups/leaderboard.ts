import type { MoneyValue } from "../../format/money";

/** A row of a goal's contribution leaderboard: one member, their net total. */
export interface LeaderboardRow {
  memberId: string;
  name: string;
  amount: MoneyValue;
}

const SCALE = 6;

/** "12.5" → 12500000n (micro-units): decimal strings are added exactly, never as floats. */
function toUnits(amount: string): bigint {
  const [whole = "0", fraction = ""] = amount.trim().replace(/^\+/, "").split(".");
  const negative = whole.startsWith("-");
  const units = BigInt(whole.replace("-", "") || "0") * 10n ** BigInt(SCALE) + BigInt((fraction + "0".repeat(SCALE)).slice(0, SCALE));
  return negative ? -units : units;
}

/** 12500000n → "12.50" (at least two decimals, trailing zeros beyond them dropped). */
function fromUnits(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const base = 10n ** BigInt(SCALE);
  const fraction = (abs % base).toString().padStart(SCALE, "0").replace(/0+$/, "").padEnd(2, "0");
  return `${negative ? "-" : ""}${abs / base}.${fraction}`;
}

/**
 * The leaderboard of a group goal: contributions added up per member (the API already sends one
 * row per member, but a member must never appear twice), largest first, ties by name; members at
 * zero or below left out.
 */
export function leaderboard(
  contributions: ReadonlyArray<{ member: { id: string; displayName: string }; amount: MoneyValue }>,
): LeaderboardRow[] {
  const byMember = new Map<string, { name: string; units: bigint; currency: string }>();
  for (const { member, amount } of contributions) {
    const found = byMember.get(member.id);
    if (found) found.units += toUnits(amount.amount);
    else byMember.set(member.id, { name: member.displayName, units: toUnits(amount.amount), currency: amount.currency });
  }
  return [...byMember.entries()]
    .filter(([, row]) => row.units > 0n)
    .sort(([, a], [, b]) => (a.units === b.units ? a.name.localeCompare(b.name) : a.units > b.units ? -1 : 1))
    .map(([memberId, row]) => ({ memberId, name: row.name, amount: { amount: fromUnits(row.units), currency: row.currency } }));
}
