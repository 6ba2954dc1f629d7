import { describe, expect, it } from "vitest";

import { twilioSignature, validTwilioSignature } from "./twilio-signature.js";

// The worked example of Twilio's security documentation.
const TOKEN = "12345";
const URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
const PARAMS = { CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" };
const DOCUMENTED = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

describe("Twilio request signature", () => {
  it("matches Twilio's documented example whatever order the fields arrive in", () => {
    expect(twilioSignature(TOKEN, URL, PARAMS)).toBe(DOCUMENTED);
    const reversed = Object.fromEntries(Object.entries(PARAMS).reverse());
    expect(validTwilioSignature(TOKEN, URL, reversed, DOCUMENTED)).toBe(true);
  });

  it("refuses a missing signature, another token, another URL, a changed or added field", () => {
    expect(validTwilioSignature(TOKEN, URL, PARAMS, undefined)).toBe(false);
    expect(validTwilioSignature("54321", URL, PARAMS, DOCUMENTED)).toBe(false);
    expect(validTwilioSignature(TOKEN, "https://mycompany.com/myapp.php?foo=1&bar=3", PARAMS, DOCUMENTED)).toBe(false);
    expect(validTwilioSignature(TOKEN, URL, { ...PARAMS, Digits: "1235" }, DOCUMENTED)).toBe(false);
    expect(validTwilioSignature(TOKEN, URL, { ...PARAMS, MessageStatus: "delivered" }, DOCUMENTED)).toBe(false);
    expect(validTwilioSignature(TOKEN, URL, PARAMS, DOCUMENTED.slice(0, -2))).toBe(false);
  });
});
