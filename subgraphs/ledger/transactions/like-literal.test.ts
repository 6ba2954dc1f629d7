import { describe, expect, it } from "vitest";

import { likeLiteral } from "./transaction-query.service.js";

describe("likeLiteral", () => {
  it("escapes the characters ILIKE treats specially, and nothing else", () => {
    expect(likeLiteral("Supermarket Centrum")).toBe("Supermarket Centrum");
    expect(likeLiteral("50%")).toBe("50\\%");
    expect(likeLiteral("off_day")).toBe("off\\_day");
    expect(likeLiteral("a\\b")).toBe("a\\\\b");
    expect(likeLiteral("%_\\")).toBe("\\%\\_\\\\");
  });
});
