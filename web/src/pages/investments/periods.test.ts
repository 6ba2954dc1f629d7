import { describe, expect, it } from "vitest";

import { monthsBefore, periodRange } from "./periods";

describe("performance periods", () => {
  it("moves back whole months, clamped to the target month's last day", () => {
    expect(monthsBefore("2026-12-06", 3)).toBe("2026-09-06");
    expect(monthsBefore("2026-03-31", 1)).toBe("2026-02-28");
    expect(monthsBefore("2024-03-31", 1)).toBe("2024-02-29");
    expect(monthsBefore("2026-01-15", 12)).toBe("2025-01-15");
    expect(monthsBefore("2026-12-06", 60)).toBe("2021-12-06");
  });

  it("ends a period today", () => {
    expect(periodRange("2026-12-06", "1Y")).toEqual({ from: "2025-12-06", to: "2026-12-06" });
  });
});
