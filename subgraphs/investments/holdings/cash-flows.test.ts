import { describe, expect, it } from "vitest";

import { decimal } from "../quantities/index.js";
import type { ActivityRecord } from "../transactions/activity-record.js";
import { cashEffect } from "./cash-flows.js";

const activity = (overrides: Partial<ActivityRecord>): ActivityRecord => ({
  id: "x",
  portfolioId: "p",
  type: "BUY",
  securityId: "s",
  date: "2025-01-01",
  sequence: 1,
  currency: "USD",
  quantity: null,
  priceMinor: null,
  feeMinor: 0n,
  amountMinor: null,
  splitRatio: null,
  note: null,
  ...overrides,
});

describe("cashEffect", () => {
  const purchase = activity({ type: "BUY", quantity: decimal("1.5"), priceMinor: 1001n, feeMinor: 100n });
  const sale = activity({ type: "SELL", quantity: decimal("2"), priceMinor: 500n, feeMinor: 50n });
  const dividend = activity({ type: "DIVIDEND", amountMinor: 300n, feeMinor: 45n });
  const fee = activity({ type: "FEE", securityId: null, amountMinor: 200n });

  it("makes trades and income external flows of a portfolio without cash", () => {
    // 1.5 × 10.01 = 15.015, rounded once to 15.02, plus the fee.
    expect(cashEffect(purchase, false)).toEqual({ cashMinor: 0n, inflowMinor: 1602n, outflowMinor: 0n });
    expect(cashEffect(sale, false)).toEqual({ cashMinor: 0n, inflowMinor: 0n, outflowMinor: 950n });
    expect(cashEffect(dividend, false)).toEqual({ cashMinor: 0n, inflowMinor: 0n, outflowMinor: 255n });
    expect(cashEffect(fee, false)).toEqual({ cashMinor: 0n, inflowMinor: 200n, outflowMinor: 0n });
  });

  it("keeps them inside a portfolio with cash, where only deposits and withdrawals flow", () => {
    expect(cashEffect(purchase, true)).toEqual({ cashMinor: -1602n, inflowMinor: 0n, outflowMinor: 0n });
    expect(cashEffect(dividend, true)).toEqual({ cashMinor: 255n, inflowMinor: 0n, outflowMinor: 0n });
    const deposit = activity({ type: "DEPOSIT", securityId: null, amountMinor: 10_000n, feeMinor: 100n });
    expect(cashEffect(deposit, true)).toEqual({ cashMinor: 9_900n, inflowMinor: 10_000n, outflowMinor: 0n });
    const withdrawal = activity({ type: "WITHDRAWAL", securityId: null, amountMinor: 5_000n });
    expect(cashEffect(withdrawal, true)).toEqual({ cashMinor: -5_000n, inflowMinor: 0n, outflowMinor: 5_000n });
  });
});
