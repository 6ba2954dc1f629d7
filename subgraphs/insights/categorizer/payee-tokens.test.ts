import { describe, expect, it } from "vitest";

import { foldText, merchantKey, noteTokens, payeeTokens } from "./payee-tokens.js";

describe("payeeTokens", () => {
  it.each([
    ["SQ *BLUE BOTTLE 1234 SAN FRANCISCO CA", ["blue", "bottle"], "blue bottle"],
    ["SQ *BLUE BOTTLE COFFEE   SAN FRANCISCO CA", ["blue", "bottle", "coffee"], "blue bottle coffee"],
    ["TST* CHIPOTLE - 0423 OAKLAND CA", ["chipotle"], "chipotle"],
    ["PAYPAL *NETFLIX", ["netflix"], "netflix"],
    ["DD *DOORDASH CHIPOTLE", ["doordash", "chipotle"], "doordash chipotle"],
    ["GOOGLE *YouTubePremium g.co/helppay#", ["youtubepremium"], "youtubepremium"],
    ["SQ  *BLUE BOTTLE COFFEE", ["blue", "bottle", "coffee"], "blue bottle coffee"],
  ])("strips card processors: %s", (payee, tokens, key) => {
    expect(payeeTokens(payee)).toEqual({ tokens, merchantKey: key });
  });

  it.each([
    ["PURCHASE AUTHORIZED ON 03/14 STARBUCKS STORE 12345 SEATTLE WA S584073517034522 CARD 1234", ["starbucks"]],
    ["RECURRING PAYMENT AUTHORIZED ON 11/02 SPOTIFY USA 877-7781161 NY", ["spotify", "usa"]],
    ["CHECKCARD 0314 SHELL OIL 57444209301 HOUSTON TX 24431064073123456789012", ["shell", "oil"]],
    ["POS PURCHASE WHOLEFDS MKT #10234", ["wholefds", "mkt"]],
    ["POS DEBIT SQ *PHILZ COFFEE SAN FRANCISCO CA", ["philz", "coffee"]],
    ["CARD 1234 TRADER JOE'S #552", ["trader", "joes"]],
    ["DEBIT CARD PURCHASE XXXXX1234 SAFEWAY #0423", ["safeway"]],
    ["ACH DEBIT GEICO *AUTO 800-841-3000 DC", ["geico", "auto"]],
    ["ACH DEBIT CARD PAYMENT 1234 BLUE BOTTLE", ["blue", "bottle"]],
  ])("strips the bank's own words, dates, card and reference numbers: %s", (payee, tokens) => {
    expect(payeeTokens(payee).tokens).toEqual(tokens);
  });

  it("reads Amazon's order ids as noise and its marketplace names as Amazon", () => {
    for (const payee of ["AMZN Mktp US*2K4TY7", "Amazon.com*2K4TY7 Amzn.com/billWA", "AMAZON MKTPL*NC5SB5", "amzn mktp us 2K4TY7"]) {
      expect(payeeTokens(payee)).toEqual({ tokens: ["amazon"], merchantKey: "amazon" });
    }
  });

  it("keeps a domain's own name: help.uber.com is Uber, netflix.com is Netflix", () => {
    expect(payeeTokens("UBER   *TRIP HELP.UBER.COM")).toEqual({ tokens: ["uber", "trip"], merchantKey: "uber trip" });
    expect(payeeTokens("UBER *EATS PENDING").merchantKey).toBe("uber eats");
    expect(payeeTokens("NETFLIX.COM 866-579-7172 CA").tokens).toEqual(["netflix"]);
    expect(payeeTokens("APPLE.COM/BILL 866-712-7753 CA").tokens).toEqual(["apple"]);
  });

  it("drops the city and state when a number separates them from the name, or the city is recognizable", () => {
    expect(payeeTokens("SHELL OIL 57444 OAKLAND CA").tokens).toEqual(["shell", "oil"]);
    expect(payeeTokens("BLUE BOTTLE COFFEE   SAN FRANCISCO CA").tokens).toEqual(["blue", "bottle", "coffee"]);
    expect(payeeTokens("SWEETGREEN DALY CITY CA").tokens).toEqual(["sweetgreen"]);
    expect(payeeTokens("TABLE CAFE SAN MATEO CA").tokens).toEqual(["table", "cafe"]);
    expect(payeeTokens("PEETS 0423 WALNUT CREEK CA").tokens).toEqual(["peets"]);
    expect(payeeTokens("BLUE BOTTLE OAKLAND CA").tokens).toEqual(["blue", "bottle"]);
    expect(payeeTokens("BLUE BOTTLE SALT LAKE CITY UT").tokens).toEqual(["blue", "bottle"]);
    expect(payeeTokens("BLUE BOTTLE DALY CITY CA").tokens).toEqual(["blue", "bottle"]);
    // Any one to three words between a store, card or reference number and the state are the city.
    expect(payeeTokens("BLUE BOTTLE 1234 FRESNO CA").tokens).toEqual(["blue", "bottle"]);
    expect(payeeTokens("BLUE BOTTLE 123 FRESNO CA").tokens).toEqual(["blue", "bottle"]);
    expect(payeeTokens("BLUE BOTTLE CARD 1234 FRESNO CA").tokens).toEqual(["blue", "bottle"]);
    expect(payeeTokens("BLUE BOTTLE S5840735 FRESNO CA").tokens).toEqual(["blue", "bottle"]);
    expect(payeeTokens("SAFEWAY STORE 12345 FRESNO CA S584073517034522").tokens).toEqual(["safeway"]);
    expect(payeeTokens("SHELL 1234 SOUTH LAKE TAHOE CA").tokens).toEqual(["shell"]);
    expect(payeeTokens("SHELL 1234 BIG ROCK TRUCK STOP CA").tokens).toEqual(["shell", "big", "rock", "truck", "stop"]);
    // A number that starts the payee or stands right before the state separates no city.
    expect(payeeTokens("0423 BLUE BOTTLE CA").tokens).toEqual(["blue", "bottle"]);
    expect(payeeTokens("TACOS EL 1234 CA").tokens).toEqual(["tacos", "el"]);
    // Unknown cities without a number before them stay: one more weak token is cheaper than a lost name.
    expect(payeeTokens("BERKELEY BOWL EMERYVILLE CA").tokens).toEqual(["berkeley", "bowl", "emeryville"]);
    expect(payeeTokens("BLUE BOTTLE FRESNO CA").tokens).toEqual(["blue", "bottle", "fresno"]);
  });

  it("never drops the merchant's last word for a place", () => {
    expect(payeeTokens("NEW YORK NY").tokens).toEqual(["new", "york"]);
    expect(payeeTokens("76 - 1234 OAKLAND CA").tokens).toEqual(["76"]);
    expect(payeeTokens("CAFE CA").tokens).toEqual(["cafe"]);
    expect(payeeTokens("CA").tokens).toEqual(["ca"]);
    expect(payeeTokens("1234 CA").tokens).toEqual(["ca"]);
  });

  it("joins in-word punctuation and splits the rest", () => {
    expect(payeeTokens("TRADER JOE'S").tokens).toEqual(["trader", "joes"]);
    expect(payeeTokens("H&M 0123 NEW YORK NY").tokens).toEqual(["hm"]);
    expect(payeeTokens("H & M #213").tokens).toEqual(["hm"]);
    expect(payeeTokens("PG&E WEB ONLINE").tokens).toEqual(["pge", "online"]);
    expect(payeeTokens("T-MOBILE 1234").tokens).toEqual(["tmobile"]);
    expect(payeeTokens("7-ELEVEN 35742").tokens).toEqual(["7eleven"]);
    expect(payeeTokens("BART-SAN FRANCISCO CA").tokens).toEqual(["bart"]);
    expect(payeeTokens("CVS/PHARMACY #01234").tokens).toEqual(["cvs", "pharmacy"]);
    expect(payeeTokens("1&1 IONOS").tokens).toEqual(["11", "ionos"]);
    expect(payeeTokens("CIRCLE-K").tokens).toEqual(["circlek"]);
    expect(payeeTokens("PIER-1 IMPORTS").tokens).toEqual(["pier1", "imports"]);
    expect(payeeTokens("JAMES' PUB").tokens).toEqual(["james", "pub"]);
  });

  it("keeps short numbers that are names, drops ids, glued store numbers and ride times", () => {
    expect(payeeTokens("24 HOUR FITNESS 0123 SAN JOSE CA").tokens).toEqual(["24", "hour", "fitness"]);
    expect(payeeTokens("VERIZON WRLS SR373X-01").tokens).toEqual(["verizon", "wrls"]);
    expect(payeeTokens("IMPARK509 SAN FRANCISCO CA").tokens).toEqual(["impark"]);
    expect(payeeTokens("LYFT   *RIDE THU 8PM").tokens).toEqual(["lyft", "ride"]);
    expect(payeeTokens("AIRBNB * HMQ2ZT44").tokens).toEqual(["airbnb"]);
    expect(payeeTokens("CITY PARKING IMPARK509").tokens).toEqual(["city", "parking"]);
    // One digit in a word is part of a name, not an id.
    expect(payeeTokens("H2O CAR WASH").tokens).toEqual(["h2o", "car", "wash"]);
    expect(payeeTokens("1/2 PRICE PIZZA").tokens).toEqual(["price", "pizza"]);
    expect(payeeTokens("ZONE3 FITNESS").tokens).toEqual(["zone3", "fitness"]);
  });

  it("folds case and accents", () => {
    expect(payeeTokens("Café Réveille").tokens).toEqual(["cafe", "reveille"]);
    expect(payeeTokens("CAFE REVEILLE").tokens).toEqual(["cafe", "reveille"]);
    expect(foldText("ÉLAN Straße")).toBe("elan straße");
  });

  it("leaves nothing of a payee that is all noise", () => {
    expect(payeeTokens("")).toEqual({ tokens: [], merchantKey: "" });
    expect(payeeTokens("POS 1234")).toEqual({ tokens: [], merchantKey: "" });
    expect(payeeTokens("PURCHASE AUTHORIZED ON 03/14 CARD 1234")).toEqual({ tokens: [], merchantKey: "" });
  });

  it("bounds the number of tokens", () => {
    const words = Array.from(
      { length: 40 },
      (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
    );
    expect(payeeTokens(words.join(" ")).tokens).toHaveLength(16);
  });

  it("reads only the first 400 characters", () => {
    expect(payeeTokens(`BLUE BOTTLE${" ".repeat(400)}COFFEE`).tokens).toEqual(["blue", "bottle"]);
  });
});

describe("merchantKey", () => {
  it("is the same however the bank printed the merchant", () => {
    const prints = [
      "SQ *BLUE BOTTLE 1234 SAN FRANCISCO CA",
      "PURCHASE AUTHORIZED ON 03/14 SQ *BLUE BOTTLE SAN FRANCISCO CA S584073517034522 CARD 1234",
      "CHECKCARD 0314 SQ *BLUE BOTTLE 24431064073123456789012",
      "Sq *Blue Bottle",
    ];
    expect(new Set(prints.map(merchantKey))).toEqual(new Set(["blue bottle"]));
  });

  it("leaves out legal and billing words, and keeps the first three words", () => {
    expect(merchantKey("ACME CORP DIRECT DEP PPD ID: 9123456789")).toBe("acme direct dep");
    expect(merchantKey("ATT*BILL PAYMENT 800-288-2020 TX")).toBe("att");
    expect(merchantKey("COMCAST CABLE COMMUNICATIONS HOLDINGS 800-266-2278 PA")).toBe("comcast cable communications");
    expect(merchantKey("SHELL OIL CO")).toBe("shell oil");
    expect(merchantKey("THE HOME DEPOT #0634")).toBe("home depot");
  });

  it("falls back on the stopwords when they are all there is", () => {
    expect(merchantKey("ONLINE PAYMENT")).toBe("online payment");
  });
});

describe("noteTokens", () => {
  it("keeps the user's meaningful words", () => {
    expect(noteTokens("Birthday gift for Mom!")).toEqual(["birthday", "gift", "mom"]);
    expect(noteTokens("dinner with Sam & Jo at 8pm, 03/14")).toEqual(["dinner", "sam", "jo"]);
    expect(noteTokens("order #2K4TY7 see https://example.com/x")).toEqual(["order", "see", "example"]);
  });

  it("keeps at most 24 words, from the first 400 characters", () => {
    const words = Array.from(
      { length: 30 },
      (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
    );
    expect(noteTokens(words.join(" "))).toEqual(words.slice(0, 24));
    expect(noteTokens(`birthday${" ".repeat(400)}gift`)).toEqual(["birthday"]);
  });

  it("is empty for empty notes", () => {
    expect(noteTokens("")).toEqual([]);
    expect(noteTokens("  -- ")).toEqual([]);
  });
});
