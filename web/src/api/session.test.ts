import { describe, expect, it, vi } from "vitest";

import { REFRESH_MARGIN_MS, Session, type SessionTokens } from "./session";

/** localStorage's shape over a Map, shared by "tabs" that share one store. */
function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const tokens = (n: number, expiresAt = NOW + 15 * 60_000): SessionTokens => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresAt,
});

/** A one-at-a-time lock shared by tabs, like navigator.locks. */
function sharedLock() {
  let tail = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}

describe("Session: access tokens refreshed ahead of expiry, refresh tokens spent once", () => {
  it("hands out the stored access token while it has more than the margin left", async () => {
    const refresh = vi.fn();
    const session = new Session(refresh, { now: () => NOW });
    session.start(tokens(1));
    expect(await session.accessToken()).toBe("access-1");
    expect(refresh).not.toHaveBeenCalled();
  });

  it("refreshes once for many callers when the token is inside the margin, and keeps the rotated pair", async () => {
    const storage = memoryStorage();
    const refresh = vi.fn(async (refreshToken: string) => {
      expect(refreshToken).toBe("refresh-1");
      return tokens(2);
    });
    const session = new Session(refresh, { storage, now: () => NOW });
    session.start(tokens(1, NOW + REFRESH_MARGIN_MS - 1));
    const all = await Promise.all([session.accessToken(), session.accessToken(), session.accessToken()]);
    expect(all).toEqual(["access-2", "access-2", "access-2"]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(JSON.parse(storage.map.get("moneta.session")!)).toEqual(tokens(2));
  });

  it("never spends one refresh token twice across tabs: the second tab takes the first tab's rotation", async () => {
    const storage = memoryStorage();
    const exclusive = sharedLock();
    const spent: string[] = [];
    let n = 1;
    const refresh = async (refreshToken: string) => {
      spent.push(refreshToken);
      return tokens(++n);
    };
    const tabA = new Session(refresh, { storage, exclusive, now: () => NOW });
    tabA.start(tokens(1, NOW + 1_000));
    const tabB = new Session(refresh, { storage, exclusive, now: () => NOW });
    const [a, b] = await Promise.all([tabA.accessToken(), tabB.accessToken()]);
    expect(spent).toEqual(["refresh-1"]);
    expect(a).toBe("access-2");
    expect(b).toBe("access-2");
  });

  it("signs out when the refresh token is refused, but keeps the session through a network failure", async () => {
    const refused = new Session(async () => Promise.reject(Object.assign(new Error("no"), { code: "UNAUTHENTICATED" })), {
      now: () => NOW,
    });
    refused.start(tokens(1, NOW));
    await expect(refused.accessToken()).rejects.toThrow();
    expect(refused.signedIn).toBe(false);
    const offline = new Session(async () => Promise.reject(Object.assign(new Error("offline"), { code: "NETWORK_ERROR" })), {
      now: () => NOW,
    });
    offline.start(tokens(1, NOW));
    await expect(offline.accessToken()).rejects.toThrow();
    expect(offline.signedIn).toBe(true);
  });

  it("reads a damaged stored session as signed out, and tells listeners about sign-in and sign-out", () => {
    const storage = memoryStorage();
    storage.setItem("moneta.session", "{not json");
    const session = new Session(vi.fn(), { storage });
    expect(session.signedIn).toBe(false);
    const seen: Array<string | undefined> = [];
    session.subscribe(() => seen.push(session.current()?.accessToken));
    session.start(tokens(1));
    session.end();
    expect(seen).toEqual(["access-1", undefined]);
    expect(storage.getItem("moneta.session")).toBeNull();
  });

  it("keepFresh rotates shortly before expiry without anyone asking", async () => {
    vi.useFakeTimers({ now: NOW });
    try {
      const refresh = vi.fn(async () => tokens(2, Date.now() + 15 * 60_000));
      const session = new Session(refresh);
      session.start(tokens(1, NOW + 15 * 60_000));
      const stop = session.keepFresh();
      await vi.advanceTimersByTimeAsync(15 * 60_000 - REFRESH_MARGIN_MS - 1_000);
      expect(refresh).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(2_000);
      expect(refresh).toHaveBeenCalledTimes(1);
      expect(session.current()?.accessToken).toBe("access-2");
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
