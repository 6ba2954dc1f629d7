import { describe, expect, it } from "vitest";

import type { PortfolioEntity } from "../portfolios/portfolio.entity.js";
import { type ActivityRow, toActivityRecord } from "../transactions/activity-record.js";
import { buildBook } from "./portfolio-book.js";

const portfolio = { id: "p", costBasisMethod: "FIFO", version: 1n } as PortfolioEntity;
const row = (id: string, security: string, type: "BUY" | "SELL", quantity: string, sequence: number): ActivityRow => ({
  id,
  portfolio_id: "p",
  type,
  security_id: security,
  date: "2025-01-02",
  sequence: String(sequence),
  currency: "USD",
  quantity,
  price_minor: "1000",
  fee_minor: "0",
  amount_minor: null,
  split_ratio: null,
  note: null,
});

describe("buildBook", () => {
  it("reuses a previous replay's positions whose activity is unchanged, and replays the others", () => {
    const first = buildBook(portfolio, [row("a1", "A", "BUY", "5", 1), row("b1", "B", "BUY", "2", 2)].map(toActivityRecord));
    const second = buildBook(
      { ...portfolio, version: 2n },
      [row("a1", "A", "BUY", "5", 1), row("b1", "B", "BUY", "2", 2), row("b2", "B", "SELL", "1", 3)].map(toActivityRecord),
      first,
    );
    expect(second.positions.get("A")).toBe(first.positions.get("A"));
    expect(second.positions.get("B")).not.toBe(first.positions.get("B"));
    expect(second.positions.get("B")!.state.quantity.toFixed()).toBe("1");
    // An edit in place (same id, another quantity) replays too.
    const third = buildBook({ ...portfolio, version: 3n }, [row("a1", "A", "BUY", "6", 1)].map(toActivityRecord), second);
    expect(third.positions.get("A")!.state.quantity.toFixed()).toBe("6");
  });
});
