import { describe, expect, it } from "vitest";

import { decimal } from "../quantities/index.js";
import { daysBetween } from "./cash-flows.js";
import { netPerDay } from "./index.js";

const flow = (date: string, amount: string) => ({ date, amount: decimal(amount) });
const plain = (flows: ReturnType<typeof netPerDay>) => flows.map(({ date, amount }) => [date, amount.toString()]);

describe("netPerDay", () => {
  it("sums each day's flows exactly and lists the days in date order, whatever order they came in", () => {
    const flows = [
      flow("2024-03-01", "10.10"),
      flow("2023-12-31", "-5"),
      flow("2024-03-01", "0.2"),
      flow("2024-01-15", "7"),
      flow("2022-06-30", "1"),
      flow("2023-12-31", "2.5"),
    ];
    expect(plain(netPerDay(flows))).toEqual([
      ["2022-06-30", "1"],
      ["2023-12-31", "-2.5"],
      ["2024-01-15", "7"],
      ["2024-03-01", "10.3"],
    ]);
  });

  it("leaves out a day whose flows cancel out: no money moved", () => {
    const flows = [flow("2024-01-02", "100"), flow("2024-01-01", "50"), flow("2024-01-02", "-100")];
    expect(plain(netPerDay(flows))).toEqual([["2024-01-01", "50"]]);
  });
});

describe("daysBetween", () => {
  it("counts calendar days and names the bad end", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(() => daysBetween("2024-02-30", "2024-03-01")).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "from" } }),
    );
    expect(() => daysBetween("2024-02-28", "2024-13-01")).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "to" } }),
    );
  });
});
