import { describe, expect, it } from "vitest";

import { FixedClock } from "../time/clock.js";
import { sequentialIds } from "../time/ids.js";
import { createEnvelope, dlqTopic, MalformedEventError, parseEnvelope } from "./envelope.js";

// A consumer trusts an envelope only after parseEnvelope: anything else is poison for the DLQ, so
// each field's check must hold on its own.
const valid = {
  id: "00000000-0000-4000-8000-000000000001",
  type: "TransactionPosted",
  version: 1,
  source: "ledger",
  key: "user-1",
  occurredAt: "2026-03-05T10:00:00.000Z",
  traceId: "trace-1",
  data: { amount: "1.00" },
};

describe("event envelope", () => {
  it("stamps the id, the clock's time, the source and trace, and version 1 unless told", () => {
    const clock = new FixedClock("2026-03-05T10:00:00Z");
    const event = { topic: "ledger.transaction.v1", type: "TransactionPosted", key: "user-1", data: { amount: "1.00" } };
    expect(createEnvelope(event, "ledger", "trace-1", clock, sequentialIds())).toEqual(valid);
    expect(createEnvelope({ ...event, version: 2 }, "ledger", "trace-1", clock, sequentialIds()).version).toBe(2);
    expect(dlqTopic("ledger.transaction.v1")).toBe("ledger.transaction.v1.dlq");
  });

  it("parses a well-formed envelope as it was sent, data null included", () => {
    expect(parseEnvelope(JSON.stringify(valid))).toEqual(valid);
    expect(parseEnvelope(JSON.stringify({ ...valid, id: valid.id.toUpperCase(), data: null })).data).toBeNull();
  });

  it("refuses text that is not JSON, and JSON that is not an object", () => {
    expect(() => parseEnvelope("{not json")).toThrowError(new MalformedEventError("message is not JSON"));
    for (const text of ["null", "42", '"text"'])
      expect(() => parseEnvelope(text), text).toThrowError(new MalformedEventError("message is not an event envelope"));
  });

  it("refuses an envelope with any one field missing or of the wrong type, or an id that is not a UUID", () => {
    // An array holding a UUID reads as that UUID to a regex test: only the type check refuses it.
    const broken: Record<string, unknown>[] = [{ id: "not-a-uuid" }, { id: `${valid.id}x` }, { id: `x${valid.id}` }, { id: [valid.id] }];
    for (const field of ["id", "type", "version", "source", "key", "occurredAt", "traceId"]) {
      broken.push({ [field]: undefined }, { [field]: field === "version" ? "1" : 1 });
    }
    for (const change of broken) {
      const text = JSON.stringify({ ...valid, ...change });
      let error: unknown;
      try {
        parseEnvelope(text);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(MalformedEventError);
      expect(error, text).toMatchObject({ name: "MalformedEventError", message: "message is not an event envelope" });
    }
    const { data: _data, ...withoutData } = valid;
    expect(() => parseEnvelope(JSON.stringify(withoutData))).toThrowError(MalformedEventError);
  });
});
