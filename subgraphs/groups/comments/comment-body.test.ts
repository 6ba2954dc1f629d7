import { describe, expect, it } from "vitest";

import { COMMENT_MAX_CHARS, commentBody } from "./comment-body.js";

const refusal = (value: string) => {
  try {
    commentBody(value);
    return "accepted";
  } catch (error) {
    const e = error as { extensions?: { code?: string; field?: string } };
    return `${e.extensions?.code}:${e.extensions?.field}`;
  }
};

describe("commentBody", () => {
  it("trims and keeps line breaks and tabs", () => {
    expect(commentBody("  Who had the wine?\n\tMe.  ")).toBe("Who had the wine?\n\tMe.");
  });

  it("counts characters, not UTF-16 units: 2,000 emoji fit, 2,001 do not", () => {
    expect([...commentBody("🍕".repeat(COMMENT_MAX_CHARS))]).toHaveLength(COMMENT_MAX_CHARS);
    expect(refusal("🍕".repeat(COMMENT_MAX_CHARS + 1))).toBe("BAD_USER_INPUT:body");
    expect(refusal("x".repeat(COMMENT_MAX_CHARS + 1))).toBe("BAD_USER_INPUT:body");
  });

  it("refuses empty, blank and control characters", () => {
    expect(refusal("")).toBe("BAD_USER_INPUT:body");
    expect(refusal(" \n\t ")).toBe("BAD_USER_INPUT:body");
    expect(refusal("bell\u0007")).toBe("BAD_USER_INPUT:body");
  });
});
