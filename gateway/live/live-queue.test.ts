import { describe, expect, it } from "vitest";

import { LiveQueue } from "./live-queue.js";

describe("LiveQueue", () => {
  it("hands updates to a waiting reader at once", async () => {
    const queue = new LiveQueue<number>(4, () => undefined);
    const next = queue.next();
    queue.push(1);
    expect(await next).toEqual({ value: 1, done: false });
  });

  it("keeps only the newest updates for a slow reader, so memory stays bounded", async () => {
    const queue = new LiveQueue<number>(3, () => undefined);
    for (let i = 1; i <= 1000; i++) queue.push(i);
    expect(queue.size).toBe(3);
    expect(queue.dropped).toBe(997);
    expect([(await queue.next()).value, (await queue.next()).value, (await queue.next()).value]).toEqual([998, 999, 1000]);
  });

  it("ends, frees its buffer and calls back once when the client unsubscribes", async () => {
    let returned = 0;
    const queue = new LiveQueue<number>(3, () => returned++);
    queue.push(1);
    const pending = new LiveQueue<number>(3, () => returned++);
    const waiting = pending.next();
    await queue.return();
    await queue.return();
    await pending.return();
    expect(returned).toBe(2);
    expect(queue.size).toBe(0);
    expect(await waiting).toEqual({ value: undefined, done: true });
    queue.push(2);
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it("ends from the gateway's side: what is buffered, then the last result, then done; cleanup runs once", async () => {
    let closed = 0;
    const queue = new LiveQueue<string>(4, () => closed++);
    queue.push("update");
    queue.end("gone");
    queue.push("too late");
    queue.end("again");
    expect(closed).toBe(1);
    expect(await queue.next()).toEqual({ value: "update", done: false });
    expect(await queue.next()).toEqual({ value: "gone", done: false });
    expect(await queue.next()).toEqual({ value: undefined, done: true });
    // The client's complete can cross the gateway's end on the wire: nothing runs twice.
    await queue.return();
    expect(closed).toBe(1);
  });

  it("hands the last result to a waiting reader, and keeps it even when the buffer is full", async () => {
    const waiting = new LiveQueue<string>(2, () => undefined);
    const next = waiting.next();
    waiting.end("gone");
    expect(await next).toEqual({ value: "gone", done: false });
    expect(await waiting.next()).toEqual({ value: undefined, done: true });

    const full = new LiveQueue<string>(2, () => undefined);
    full.push("a");
    full.push("b");
    full.end("gone");
    expect([(await full.next()).value, (await full.next()).value, (await full.next()).done]).toEqual(["b", "gone", true]);
  });

  it("ignores the gateway's end after the client has left", async () => {
    let closed = 0;
    const queue = new LiveQueue<string>(2, () => closed++);
    await queue.return();
    queue.end("gone");
    expect(closed).toBe(1);
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });
});
