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
});
