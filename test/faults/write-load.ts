/**
 * Clients posting transactions through the gateway as a good client does: one idempotency key per
 * intended write, the same key on every retry (timeouts, refused connections, errors) until the
 * gateway acknowledges it with an id. Each write is stamped with the fault phase it started in.
 */
export interface Write {
  key: string;
  phase: string;
  firstAttemptAt: number;
  attempts: number;
  ackedAt?: number;
  id?: string;
}

export interface WriteTarget {
  url: string;
  accessToken: string;
  accountId: string;
  categoryId: string;
  date: string;
  /** Per write, in major units ("-1.00"). */
  amount: string;
}

const POST = `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class WriteLoad {
  readonly writes: Write[] = [];
  phase = "warm-up";
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly target: WriteTarget,
    private readonly options: { clients: number; pauseMs: number; requestTimeoutMs: number },
  ) {}

  start(): void {
    this.running = true;
    const run = Math.random().toString(36).slice(2, 8);
    for (let c = 0; c < this.options.clients; c++) this.loops.push(this.client(`kn-${run}-${c}`));
  }

  /** Stops starting new writes and waits until every started one is acknowledged. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  get acked(): Write[] {
    return this.writes.filter((w) => w.ackedAt !== undefined);
  }

  /** Acknowledgement times, ascending. */
  ackTimes(): number[] {
    return this.acked.map((w) => w.ackedAt!).sort((a, b) => a - b);
  }

  private async client(name: string): Promise<void> {
    for (let i = 0; this.running; i++) {
      const write: Write = { key: `${name}-${i}`, phase: this.phase, firstAttemptAt: performance.now(), attempts: 0 };
      this.writes.push(write);
      // A started write is retried until acknowledged, even after stop(): that is what a client does.
      while (write.ackedAt === undefined) {
        write.attempts++;
        const id = await this.post(write.key);
        if (id) {
          write.id = id;
          write.ackedAt = performance.now();
        } else await sleep(Math.min(1000, 50 * write.attempts));
      }
      await sleep(this.options.pauseMs);
    }
  }

  /** The transaction's id, or undefined on any failure (to be retried with the same key). */
  private async post(key: string): Promise<string | undefined> {
    const { url, accessToken, accountId, categoryId, date, amount } = this.target;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({
          query: POST,
          // The key in the notes too: the marker the checks find each write's rows by.
          variables: {
            input: {
              accountId,
              categoryId,
              date,
              amount: { amount, currency: "USD" },
              payee: "Kill Nine",
              notes: key,
              idempotencyKey: key,
            },
          },
        }),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs),
      });
      const body = (await response.json()) as { data?: { postTransaction?: { id: string } }; errors?: unknown[] };
      return body.errors ? undefined : body.data?.postTransaction?.id;
    } catch {
      return undefined;
    }
  }
}

/** The longest stretch without an acknowledgement between `from` and `to` (ms). */
export function longestAckGap(ackTimes: number[], from: number, to: number): number {
  let last = from;
  let gap = 0;
  for (const t of ackTimes) {
    if (t <= from) continue;
    if (t > to) break;
    gap = Math.max(gap, t - last);
    last = t;
  }
  return Math.max(gap, to - last);
}
