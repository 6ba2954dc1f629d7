import type { PgliteProxy } from "./pglite-proxy.js";

// The session lock: PGlite is one session, so a transaction must own it from BEGIN to release.

export type Unlock = () => void;

/** Strict FIFO: the lock passes straight to the next waiter, so nobody can barge in between. */
class FifoMutex {
  private locked = false;
  private readonly waiters: Array<(unlock: Unlock) => void> = [];

  get waiting(): number {
    return this.waiters.length;
  }

  acquire(timeoutMillis?: number): Promise<Unlock> {
    if (!this.locked) {
      this.locked = true;
      return Promise.resolve(this.makeUnlock());
    }
    return new Promise<Unlock>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const grant = (unlock: Unlock) => {
        if (timer) clearTimeout(timer);
        resolve(unlock);
      };
      this.waiters.push(grant);
      if (timeoutMillis && timeoutMillis > 0) {
        timer = setTimeout(() => {
          const index = this.waiters.indexOf(grant);
          if (index !== -1) this.waiters.splice(index, 1);
          // Same wording as pg-pool, so callers' handling of an exhausted pool carries over.
          reject(new Error("timeout exceeded when trying to connect"));
        }, timeoutMillis);
      }
    });
  }

  private makeUnlock(): Unlock {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiters.shift();
      if (next) next(this.makeUnlock());
      else this.locked = false;
    };
  }
}

export interface Session {
  mutex: FifoMutex;
}

// Keyed by PGlite instance, not by driver or pool: several DataSources (one per subgraph schema)
// share one PGlite, and they must all queue on the same lock.
const sessions = new WeakMap<PgliteProxy, Session>();

export function sessionOf(db: PgliteProxy): Session {
  let session = sessions.get(db);
  if (!session) {
    session = { mutex: new FifoMutex() };
    sessions.set(db, session);
  }
  return session;
}

/**
 * Leaves the session as the next holder expects it: no open or aborted transaction.
 * A holder that released after an error (or simply forgot COMMIT) must not leak its
 * half-done work into someone else's statements.
 */
export async function resetSession(db: PgliteProxy): Promise<void> {
  if (db.closed) return;
  // The proxy knows the transaction status as of the last statement, and every statement on
  // the session goes through it, so the answer is current.
  if (db.isInTransaction()) await db.exec("ROLLBACK");
}

/**
 * Runs `fn` while holding the session lock that the TypeORM driver uses, so code that talks to
 * the PGlite instance directly (LISTEN, seeding, dumps) cannot land inside another caller's
 * transaction. Any transaction `fn` leaves open is rolled back before the lock passes on.
 * Do not call the driver's DataSource from inside `fn`: it would wait for this same lock.
 */
export async function withPgliteSession<T>(db: PgliteProxy, fn: (db: PgliteProxy) => Promise<T>): Promise<T> {
  const unlock = await sessionOf(db).mutex.acquire();
  try {
    return await fn(db);
  } finally {
    try {
      await resetSession(db);
    } finally {
      unlock();
    }
  }
}
