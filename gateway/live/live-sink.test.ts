import type { FormattedExecutionResult } from "graphql";
import { describe, expect, it } from "vitest";

import type { EncodedMessage, FrameSocket } from "./frame-socket.js";
import { LiveSink, nextFrame } from "./live-sink.js";

/** A socket that keeps what is sent; `flush` plays the network writing the oldest frames out. */
class FakeSocket implements FrameSocket {
  readyState = 1;
  readonly sent: EncodedMessage[] = [];
  private readonly callbacks: Array<() => void> = [];
  write(message: EncodedMessage, callback: () => void): void {
    this.sent.push(message);
    this.callbacks.push(callback);
  }
  flush(count = Infinity): void {
    for (let i = 0; i < count && this.callbacks.length > 0; i++) this.callbacks.shift()!();
  }
  messages() {
    return this.sent.map((m) => JSON.parse(m.text.toString()) as { id: string; type: string; payload: FormattedExecutionResult });
  }
}

const update = (n: number): FormattedExecutionResult => ({ data: { budgetUpdated: { n } } });

describe("LiveSink", () => {
  it("writes each update as a graphql-ws next message under the client's subscription id", () => {
    const socket = new FakeSocket();
    const sink = new LiveSink(socket, "sub-7", 4, () => undefined);
    sink.push(update(1));
    expect(socket.messages()).toEqual([{ id: "sub-7", type: "next", payload: update(1) }]);
  });

  it("serializes one shared result once: subscribers with the same id get the very same bytes", () => {
    const shared = update(2);
    const a = new FakeSocket();
    const b = new FakeSocket();
    const c = new FakeSocket();
    new LiveSink(a, "1", 4, () => undefined).push(shared);
    new LiveSink(b, "1", 4, () => undefined).push(shared);
    new LiveSink(c, "other", 4, () => undefined).push(shared);
    expect(b.sent[0]).toBe(a.sent[0]);
    expect(c.sent[0]).not.toBe(a.sent[0]);
    expect(JSON.parse(c.sent[0]!.text.toString())).toEqual({ id: "other", type: "next", payload: shared });
    expect(nextFrame(shared, "1")).toBe(a.sent[0]);
  });

  it("holds only the newest update for a slow reader, and sends it once the socket catches up", () => {
    const socket = new FakeSocket();
    const sink = new LiveSink(socket, "1", 3, () => undefined);
    for (let i = 1; i <= 1000; i++) sink.push(update(i));
    expect(socket.sent).toHaveLength(3);
    expect(sink.dropped).toBe(996);
    socket.flush(1);
    expect(socket.messages().map((m) => m.payload)).toEqual([update(1), update(2), update(3), update(1000)]);
    socket.flush();
    sink.push(update(1001));
    expect(socket.messages().at(-1)!.payload).toEqual(update(1001));
  });

  it("ends from the gateway's side: held update, then the last result, then done; cleanup runs once", async () => {
    let closed = 0;
    const socket = new FakeSocket();
    const sink = new LiveSink(socket, "1", 1, () => closed++);
    const next = sink.next();
    sink.push(update(1));
    sink.push(update(2)); // held: one frame already in flight
    sink.end({ data: { budgetUpdated: null } });
    sink.push(update(3));
    sink.end({ data: null });
    expect(await next).toEqual({ value: undefined, done: true });
    expect(socket.messages().map((m) => m.payload)).toEqual([update(1), update(2), { data: { budgetUpdated: null } }]);
    expect(closed).toBe(1);
    // The client's complete can cross the gateway's end on the wire: nothing runs twice.
    await sink.return();
    expect(closed).toBe(1);
  });

  it("stops sending and calls back once when the client unsubscribes or its socket closed", async () => {
    let closed = 0;
    const socket = new FakeSocket();
    const sink = new LiveSink(socket, "1", 1, () => closed++);
    const waiting = sink.next();
    sink.push(update(1));
    sink.push(update(2));
    await sink.return();
    await sink.return();
    socket.flush();
    sink.push(update(3));
    sink.end({ data: null });
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(await sink.next()).toEqual({ value: undefined, done: true });
    expect(socket.messages().map((m) => m.payload)).toEqual([update(1)]);
    expect(closed).toBe(1);

    const gone = new FakeSocket();
    gone.readyState = 3;
    new LiveSink(gone, "1", 1, () => undefined).push(update(1));
    expect(gone.sent).toEqual([]);
  });
});
