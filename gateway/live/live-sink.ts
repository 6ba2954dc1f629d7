import type { FormattedExecutionResult } from "graphql";

import { type EncodedMessage, encodeMessage, type FrameSocket } from "./frame-socket.js";

const OPEN = 1;

interface Serialized {
  payload: string;
  /** One frame per subscription id: subscribers whose clients chose the same id share the bytes. */
  frames: Map<string, EncodedMessage>;
}

/**
 * The bridge hands one result object to every subscriber that shared its resolution: it is
 * serialized once, and framed once per subscription id, for all of them (graphql-ws would
 * stringify it again for each socket, and `ws` frame it again). Kept as long as the result object lives.
 */
const serialized = new WeakMap<FormattedExecutionResult, Serialized>();

/** The graphql-ws `next` message carrying `result` for subscription `id`, as bytes shared by every socket that sends it. */
export function nextFrame(result: FormattedExecutionResult, id: string): EncodedMessage {
  let entry = serialized.get(result);
  if (!entry) {
    entry = { payload: JSON.stringify(result), frames: new Map() };
    serialized.set(result, entry);
  }
  let frame = entry.frames.get(id);
  if (!frame) {
    frame = encodeMessage(Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":${entry.payload}}`));
    entry.frames.set(id, frame);
  }
  return frame;
}

/**
 * One live subscription's way to its client: updates are written straight to the socket as
 * pre-serialized `next` frames (no per-subscriber promise, queue or JSON work), and graphql-ws only
 * sees an iterator that finishes when the subscription does, so it sends `complete` and cleans up
 * as for any subscription.
 *
 * Memory stays bounded for a slow reader: at most `capacity` frames are handed to the socket and
 * not yet written out; past that only the newest update is held (a live view only needs the newest
 * state) and sent when the socket catches up.
 */
export class LiveSink implements AsyncIterableIterator<never> {
  private inFlight = 0;
  private pending?: FormattedExecutionResult;
  private done = false;
  private waiting?: (result: IteratorResult<never>) => void;
  dropped = 0;

  /** `onClose` runs once, whichever side ends the subscription first (the gateway or the client). */
  constructor(
    private readonly socket: FrameSocket,
    private readonly id: string,
    private readonly capacity: number,
    private readonly onClose: () => void,
  ) {}

  push(result: FormattedExecutionResult): void {
    if (this.done) return;
    if (this.inFlight >= this.capacity) {
      if (this.pending) this.dropped++;
      this.pending = result;
      return;
    }
    this.write(result);
  }

  /** The gateway ends the subscription: what is held, then `last`, then graphql-ws's `complete`. */
  end(last: FormattedExecutionResult): void {
    if (this.done) return;
    // Written past the bound: the subscription is over, so this is the last frame it can cost.
    if (this.pending) this.write(this.pending);
    this.pending = undefined;
    this.write(last);
    this.finish();
  }

  next(): Promise<IteratorResult<never>> {
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** The client unsubscribed or its socket closed: nothing held is sent any more. */
  return(): Promise<IteratorResult<never>> {
    this.pending = undefined;
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<never> {
    return this;
  }

  private write(result: FormattedExecutionResult): void {
    if (this.socket.readyState !== OPEN) return;
    this.inFlight++;
    this.socket.write(nextFrame(result, this.id), this.written);
  }

  /** One frame left the process (or the socket failed): room for the newest held update. */
  private readonly written = () => {
    this.inFlight--;
    const pending = this.pending;
    if (pending && !this.done && this.inFlight < this.capacity) {
      this.pending = undefined;
      this.write(pending);
    }
  };

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
    this.onClose();
  }
}
