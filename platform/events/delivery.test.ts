import type { Logger } from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { BusMessage, DeliveredMessage } from "./bus.js";
import { deliverBatch, deliverWithRetry } from "./delivery.js";
import { MalformedEventError } from "./envelope.js";

// The retry backoff sleeps on timers: fake ones let each attempt's time be read off the clock.
beforeEach(() => void vi.useFakeTimers({ now: 0 }));
afterEach(() => void vi.useRealTimers());

const message = (offset: number): DeliveredMessage => ({
  topic: "ledger.transaction.v1",
  key: "user-a",
  value: `{"seq":${offset}}`,
  headers: { "event-id": `e-${offset}` },
  offset: String(offset),
  partition: 3,
});

function setup() {
  const logger = { warn: vi.fn(), error: vi.fn() };
  const dead: Array<BusMessage & { at: number }> = [];
  const options = {
    groupId: "budgets.goals",
    logger: logger as unknown as Logger,
    publishDeadLetter: async (m: BusMessage) => void dead.push({ ...m, at: Date.now() }),
  };
  return { logger, dead, options };
}

/** A handler that records when it was called and throws `failures` errors first. */
function flaky(failures: number, error: unknown = new Error("database unavailable")) {
  const calls: number[] = [];
  return {
    calls,
    handle: async () => {
      calls.push(Date.now());
      if (calls.length <= failures) throw error;
    },
  };
}

/** Runs the backoff's timers; a delivery still pending once none is left would hang its consumer for good. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let settled = false;
  const tracked = promise.finally(() => (settled = true));
  await vi.runAllTimersAsync();
  expect(settled, "the delivery finished once its timers ran").toBe(true);
  return tracked;
}

describe("delivery with retry", () => {
  it("hands a message to its handler once when it succeeds", async () => {
    const { logger, dead, options } = setup();
    const handler = flaky(0);
    await settle(deliverWithRetry(message(1), handler.handle, options));
    expect(handler.calls).toEqual([0]);
    expect(dead).toEqual([]);
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.error).not.toHaveBeenCalled();
  });

  it("retries a failing handler after delays that double up to maxDelayMs, logging each failure", async () => {
    const { logger, dead, options } = setup();
    const handler = flaky(3);
    const retry = { attempts: 5, initialDelayMs: 100, maxDelayMs: 250 };
    await settle(deliverWithRetry(message(1), handler.handle, { ...options, retry }));
    expect(handler.calls).toEqual([0, 100, 300, 550]);
    expect(dead).toEqual([]);
    expect(logger.warn.mock.calls).toEqual(
      [1, 2, 3].map((attempt) => [
        { err: new Error("database unavailable"), topic: "ledger.transaction.v1", offset: "1", attempt },
        "event handler failed; retrying",
      ]),
    );
  });

  it("takes what the subscription's policy leaves out from the default (5 attempts, 100 ms doubling)", async () => {
    const { options } = setup();
    const unset = flaky(9);
    await settle(deliverWithRetry(message(1), unset.handle, options));
    expect(unset.calls).toEqual([0, 100, 300, 700, 1500]);
    const twice = flaky(9);
    await settle(deliverWithRetry(message(1), twice.handle, { ...options, retry: { attempts: 2 } }));
    expect(twice.calls).toEqual([1500, 1600]);
  });

  it("sends a message that keeps failing to <topic>.dlq right after the last attempt, with why and where in its headers", async () => {
    const { logger, dead, options } = setup();
    const handler = flaky(9);
    await settle(
      deliverWithRetry(message(7), handler.handle, { ...options, retry: { attempts: 3, initialDelayMs: 10, maxDelayMs: 1000 } }),
    );
    expect(handler.calls).toEqual([0, 10, 30]);
    expect(dead).toEqual([
      {
        topic: "ledger.transaction.v1.dlq",
        key: "user-a",
        value: '{"seq":7}',
        headers: {
          "event-id": "e-7",
          "x-dlq-error": "database unavailable",
          "x-dlq-error-name": "Error",
          "x-dlq-attempts": "3",
          "x-dlq-original-topic": "ledger.transaction.v1",
          "x-dlq-original-partition": "3",
          "x-dlq-original-offset": "7",
          "x-dlq-group": "budgets.goals",
        },
        at: 30,
      },
    ]);
    expect(logger.error.mock.calls).toEqual([
      [{ err: new Error("database unavailable"), topic: "ledger.transaction.v1", offset: "7" }, "event sent to dead-letter topic"],
    ]);
  });

  it("dead-letters a message that is not an event at once, without retrying", async () => {
    const { logger, dead, options } = setup();
    const handler = flaky(9, new MalformedEventError("message is not JSON"));
    await settle(deliverWithRetry(message(1), handler.handle, options));
    expect(handler.calls).toEqual([0]);
    expect(dead.map((d) => [d.headers["x-dlq-error-name"], d.headers["x-dlq-error"], d.headers["x-dlq-attempts"], d.at])).toEqual([
      ["MalformedEventError", "message is not JSON", "1", 0],
    ]);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it("dead-letters what was thrown when it is not an Error, and cuts a long error to 1000 characters", async () => {
    const { dead, options } = setup();
    const retry = { attempts: 1 };
    await settle(deliverWithRetry(message(1), flaky(1, "plain text thrown").handle, { ...options, retry }));
    await settle(deliverWithRetry(message(2), flaky(1, new RangeError("x".repeat(1500))).handle, { ...options, retry }));
    expect(dead.map((d) => [d.headers["x-dlq-error-name"], d.headers["x-dlq-error"]])).toEqual([
      ["Error", "plain text thrown"],
      ["RangeError", "x".repeat(1000)],
    ]);
  });
});

describe("batch delivery", () => {
  const messages = [message(0), message(1), message(2)];

  it("hands consecutive messages to the batch form in one go", async () => {
    const { dead, options } = setup();
    const handle = vi.fn(async () => {});
    const handleBatch = vi.fn(async () => {});
    await settle(deliverBatch(messages, { handle, handleBatch }, options));
    expect(handleBatch.mock.calls).toEqual([[messages]]);
    expect(handle).not.toHaveBeenCalled();
    expect(dead).toEqual([]);
  });

  it("hands a lone message, or every message of a subscription without a batch form, to handle in order", async () => {
    const { logger, options } = setup();
    const seen: string[] = [];
    const handle = async (m: DeliveredMessage) => void seen.push(m.offset);
    const handleBatch = vi.fn(async () => {});
    await settle(deliverBatch([message(5)], { handle, handleBatch }, options));
    expect(handleBatch).not.toHaveBeenCalled();
    await settle(deliverBatch(messages, { handle }, options));
    expect(seen).toEqual(["5", "0", "1", "2"]);
    expect(logger.warn).not.toHaveBeenCalled();
    await settle(deliverBatch([], { handle, handleBatch }, options));
    expect(seen).toHaveLength(4);
    expect(handleBatch).not.toHaveBeenCalled();
  });

  it("delivers a failed batch again one by one from its first message, with the subscription's retry policy", async () => {
    const { logger, dead, options } = setup();
    const seen: Array<[string, number]> = [];
    const subscription = {
      handleBatch: async () => {
        throw new Error("batch failed");
      },
      handle: async (m: DeliveredMessage) => {
        seen.push([m.offset, Date.now()]);
        if (m.offset === "1") throw new Error("poison");
      },
      retry: { attempts: 2, initialDelayMs: 10, maxDelayMs: 10 },
    };
    await settle(deliverBatch(messages, subscription, options));
    expect(seen).toEqual([
      ["0", 0],
      ["1", 0],
      ["1", 10],
      ["2", 10],
    ]);
    expect(dead.map((d) => [d.headers["x-dlq-original-offset"], d.headers["x-dlq-attempts"], d.headers["x-dlq-group"]])).toEqual([
      ["1", "2", "budgets.goals"],
    ]);
    expect(logger.warn.mock.calls[0]).toEqual([
      { err: new Error("batch failed"), topic: "ledger.transaction.v1", from: "0", count: 3 },
      "event batch failed; delivering its messages one by one",
    ]);
  });
});
