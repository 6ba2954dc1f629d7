/**
 * A bounded push → pull queue for one subscription. When the client reads slower than updates
 * arrive, the oldest updates are dropped (a live view only needs the newest state), so a slow
 * reader can never grow the gateway's memory.
 */
export class LiveQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting?: (result: IteratorResult<T>) => void;
  /** No more updates are taken; the reader gets what is buffered, then done. */
  private ended = false;
  private closed = false;
  dropped = 0;

  /** `onClose` runs once, whichever side ends the subscription first (the gateway or the client). */
  constructor(
    private readonly capacity: number,
    private readonly onClose: () => void,
  ) {}

  push(item: T): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: item, done: false });
      return;
    }
    if (this.items.length >= this.capacity) {
      this.items.shift();
      this.dropped++;
    }
    this.items.push(item);
  }

  /**
   * The gateway ends the subscription: `last` is still read (after what is buffered), then the
   * reader sees done, which graphql-ws answers with `complete`.
   */
  end(last: T): void {
    if (this.ended) return;
    this.push(last);
    this.ended = true;
    this.close();
  }

  get size(): number {
    return this.items.length;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** The client unsubscribed or its socket closed: nothing buffered is sent any more. */
  return(): Promise<IteratorResult<T>> {
    this.ended = true;
    this.items.length = 0;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }
}
