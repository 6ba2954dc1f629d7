import { describe, expect, it } from "vitest";

import { e164PhoneNumber, maskedPhoneNumber } from "./phone-number.js";

function refusal(raw: string): unknown {
  try {
    e164PhoneNumber(raw);
  } catch (error) {
    return (error as { extensions: unknown }).extensions;
  }
  throw new Error(`${raw} was accepted`);
}

describe("E.164 phone numbers", () => {
  it("normalises valid international numbers written with spaces or dashes", () => {
    expect(e164PhoneNumber("+1 415 555 2671")).toBe("+14155552671");
    expect(e164PhoneNumber(" +49-151-1234-5678 ")).toBe("+4915112345678");
    expect(e164PhoneNumber("+33612345678")).toBe("+33612345678");
  });

  it.each([
    ["no country code", "4155552671"],
    ["a national trunk prefix", "015112345678"],
    ["too short for its country", "+1415555267"],
    ["no such country code", "+999123456789"],
    ["letters", "+1 415 CALL ME"],
    ["empty", "   "],
    ["absurdly long", `+1${"5".repeat(60)}`],
  ])("refuses %s as BAD_USER_INPUT on phoneNumber", (_what, raw) => {
    expect(refusal(raw)).toMatchObject({ code: "BAD_USER_INPUT", field: "phoneNumber" });
  });

  it("masks all but the country prefix and the last two digits", () => {
    expect(maskedPhoneNumber("+4915112345678")).toBe("+49•••••••••78");
  });
});
