import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { composition, CURRENCIES, type Currency, formatMinor, permutationOf, someMoney, splitCase } from "./split.arbitraries.js";
import { inGroupCurrency, splitShares } from "./split.js";

const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);
const abs = (x: bigint) => (x < 0n ? -x : x);
/** |share − amount × weight / total| < 1, in integers: |share × total − amount × weight| < total. */
const withinOneUnit = (share: bigint, amount: bigint, weight: bigint, total: bigint) => abs(share * total - amount * weight) < total;

const withShuffle = splitCase.chain((c) => fc.tuple(fc.constant(c), permutationOf(c.parts.length)));

describe("split properties", () => {
  it("shares add up to the amount exactly, each within one minor unit of its exact share", () => {
    fc.assert(
      fc.property(splitCase, ({ amount, mode, parts, rank, weights }) => {
        const result = splitShares(amount, mode, parts, rank);
        expect(sum(result.map((r) => r.amountMinor))).toBe(amount.amountMinor);
        const total = sum(weights);
        const weightOf = new Map(parts.map((p, i) => [p.memberId, weights[i]!]));
        for (const { memberId, amountMinor } of result) {
          expect(withinOneUnit(amountMinor, amount.amountMinor, weightOf.get(memberId)!, total)).toBe(true);
        }
        if (mode === "EXACT") expect(result.map((r) => r.amountMinor)).toEqual(result.map((r) => weightOf.get(r.memberId)));
      }),
      { numRuns: 300 },
    );
  });

  it("lists every member once, in rank order then id, whatever order the parts came in", () => {
    fc.assert(
      fc.property(withShuffle, ([{ amount, mode, parts, rank }, permutation]) => {
        const result = splitShares(amount, mode, parts, rank);
        const shuffled = splitShares(
          amount,
          mode,
          permutation.map((i) => parts[i]!),
          rank,
        );
        expect(shuffled).toEqual(result);
        expect(new Set(result.map((r) => r.memberId))).toEqual(new Set(parts.map((p) => p.memberId)));
        for (let i = 1; i < result.length; i++) {
          const [before, after] = [result[i - 1]!.memberId, result[i]!.memberId];
          expect(rank(before) < rank(after) || (rank(before) === rank(after) && before < after)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("EXACT parts that miss the amount are refused on split.parts, with both sums", () => {
    const exactCase = splitCase.filter((c) => c.mode === "EXACT");
    fc.assert(
      fc.property(exactCase, fc.bigInt({ min: -1000n, max: 1000n }), ({ amount, parts, rank, weights }, change) => {
        const first = weights[0]! + change;
        // Still a typeable amount (at most 15 digits), so only the sum is wrong.
        fc.pre(change !== 0n && first >= 0n && first < 10n ** 15n);
        const exponent = CURRENCIES[amount.currency as Currency];
        const missed = parts.map((p, i) => (i === 0 ? { ...p, value: formatMinor(first, exponent) } : p));
        const wrongSum = formatMinor(amount.amountMinor + change, exponent);
        expect(() => splitShares(amount, "EXACT", missed, rank)).toThrow(
          expect.objectContaining({
            message: `EXACT parts add up to ${wrongSum} but the amount is ${formatMinor(amount.amountMinor, exponent)} ${amount.currency}`,
            extensions: { code: "BAD_USER_INPUT", field: "split.parts" },
          }),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe("conversion properties", () => {
  const conversionCase = fc
    .tuple(
      someMoney,
      fc.integer({ min: 1, max: 30 }),
      fc.constantFrom<Currency>("JPY", "USD", "KWD"),
      fc.integer({ min: 1, max: 5_000_000 }),
    )
    .chain(([total, count, to, rateMillionths]) =>
      fc.record({
        total: fc.constant(total),
        to: fc.constant(to),
        rate: fc.constant(`${Math.floor(rateMillionths / 1_000_000)}.${String(rateMillionths % 1_000_000).padStart(6, "0")}`),
        lines: composition(total.amountMinor, count).map((amounts) =>
          amounts.map((amountMinor, i) => ({ memberId: `m${i}`, amountMinor })),
        ),
        order: permutationOf(count),
      }),
    );
  const rank = (memberId: string) => Number(memberId.slice(1));

  it("lines add up to the converted total exactly, each within one unit of its proportional share, in any listing order", () => {
    fc.assert(
      fc.property(conversionCase, ({ total, to, rate, lines, order }) => {
        let result: ReturnType<typeof inGroupCurrency>;
        try {
          result = inGroupCurrency(lines, total, rate, to, rank);
        } catch (error) {
          // Only a total too small (or too large) for the group's currency at this rate is refused.
          expect(error).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "exchangeRate" } });
          return;
        }
        expect(result.total.currency).toBe(to);
        // Converted once: total × rate, at the two exponents, within half a minor unit.
        const scale = 10n ** BigInt(CURRENCIES[total.currency as Currency] + 6);
        const exact = total.amountMinor * BigInt(rate.replace(".", "")) * 10n ** BigInt(CURRENCIES[to]);
        expect(2n * abs(result.total.amountMinor * scale - exact) <= scale).toBe(true);
        expect(sum(result.lines.map((l) => l.amountMinor))).toBe(result.total.amountMinor);
        const original = new Map(lines.map((l) => [l.memberId, l.amountMinor]));
        for (const line of result.lines) {
          expect(withinOneUnit(line.amountMinor, result.total.amountMinor, original.get(line.memberId)!, total.amountMinor)).toBe(true);
        }
        expect(
          inGroupCurrency(
            order.map((i) => lines[i]!),
            total,
            rate,
            to,
            rank,
          ),
        ).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });
});
