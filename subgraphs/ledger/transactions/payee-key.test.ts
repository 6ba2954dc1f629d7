import { describe, expect, it } from "vitest";

import { normalizePayee } from "./payee-key.js";

describe("normalizePayee", () => {
  it.each([
    ["AMAZON MKTPLACE *1X2Y3Z", "Amazon Mktplace"],
    ["AMAZON.COM*2K4 5L6", "Amazon.com"],
    ["Café de Flore", "CAFE DE FLORE"],
    ["McDonald's  #4471", "MCDONALDS"],
    ["STRASSE GmbH", "Straße GmbH"],
    ["ＮＥＴＦＬＩＸ．ＣＯＭ", "netflix.com"],
    ["UBER   *TRIP  help.uber.com", "Uber Trip - help.uber.com"],
    ["TESCO STORES 3297 12/03", "Tesco Stores"],
  ])("treats %j and %j as the same merchant", (a, b) => {
    expect(normalizePayee(a)).toBe(normalizePayee(b));
  });

  it("keeps merchants that only differ after a payment processor's star apart", () => {
    expect(normalizePayee("SQ *BLUE BOTTLE COFFEE")).toBe("sq blue bottle coffee");
    expect(normalizePayee("SQ *BLUE BOTTLE COFFEE")).not.toBe(normalizePayee("SQ *CORNER BAKERY"));
  });

  it("never strips the whole name, and keeps digits inside the name", () => {
    expect(normalizePayee("3M")).toBe("3m");
    expect(normalizePayee("7-ELEVEN 10234")).toBe("7 eleven");
    expect(normalizePayee("123456")).toBe("123456");
    expect(normalizePayee("  ")).toBe("");
    expect(normalizePayee("***")).toBe("");
  });
});
