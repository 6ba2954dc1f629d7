import { describe, expect, it } from "vitest";

import { winAnsiHex, winAnsiText } from "./win-ansi.js";

describe("text for the standard PDF fonts", () => {
  it("keeps Latin-1 and the euro, turns locale spaces into no-break spaces and the minus sign into a hyphen", () => {
    expect(winAnsiText("Zürich € 1\u202f234,56 \u22125")).toBe("Zürich € 1\u00a0234,56 -5");
    expect(winAnsiHex("A€é\u00a0")).toBe("4180e9a0");
  });

  it("drops bidi marks and draws one ? for a character the font lacks, surrogate pairs included", () => {
    expect(winAnsiText("\u200f1\u200e東京🙂")).toBe("1???");
    expect(winAnsiHex("🙂")).toBe("3f");
  });
});
