/** The tokens of one signed-in session; `expiresAt` is the access token's expiry (ms since epoch). */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

/** What the session needs from the browser; tests pass plain objects. */
export interface SessionEnvironment {
  storage?: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  /** Runs `task` while no other tab refreshes (Web Locks); without it, only this tab is serialized. */
  exclusive?<T>(task: () => Promise<T>): Promise<T>;
  now?(): number;
}

export type RefreshFunction = (refreshToken: string) => Promise<SessionTokens>;

const STORAGE_KEY = "moneta.session";
/** Refresh this long before the access token expires, so no request is sent with a dying token. */
export const REFRESH_MARGIN_MS = 60_000;

function parse(text: string | null): SessionTokens | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<SessionTokens>;
    if (typeof value.accessToken === "string" && typeof value.refreshToken === "string" && typeof value.expiresAt === "number") {
      return value as SessionTokens;
    }
  } catch {
    // A damaged entry is a signed-out browser, not a crash.
  }
  return undefined;
}

/**
 * Holds the access and refresh tokens. The access token lives 15 minutes and the refresh token
 * rotates on every use, and identity treats a reused refresh token as theft (it ends the whole
 * session family). So a refresh happens once at a time across every tab: inside a cross-tab lock,
 * the stored tokens are read again, and when another tab already rotated them those are used
 * instead of spending the old refresh token a second time.
 */
export class Session {
  private tokens: SessionTokens | undefined;
  private inflight: Promise<SessionTokens | undefined> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly refresh: RefreshFunction,
    private readonly env: SessionEnvironment = {},
  ) {
    this.tokens = parse(env.storage?.getItem(STORAGE_KEY) ?? null);
  }

  private now(): number {
    return (this.env.now ?? Date.now)();
  }

  /** The tokens as they are now (for React's useSyncExternalStore); undefined when signed out. */
  current = (): SessionTokens | undefined => this.tokens;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get signedIn(): boolean {
    return this.tokens !== undefined;
  }

  /** After sign-in, registration or MFA. */
  start(tokens: SessionTokens): void {
    this.store(tokens);
  }

  /** Sign-out here, or the refresh token was refused. */
  end(): void {
    this.store(undefined);
  }

  /** Another tab changed the stored session (the `storage` event): take its tokens. */
  reload(): void {
    const stored = parse(this.env.storage?.getItem(STORAGE_KEY) ?? null);
    if (stored?.accessToken === this.tokens?.accessToken) return;
    this.tokens = stored;
    this.emit();
  }

  /** A token that is valid for at least {@link REFRESH_MARGIN_MS} more, refreshing first if needed. */
  async accessToken(): Promise<string | undefined> {
    if (!this.tokens) return undefined;
    if (this.tokens.expiresAt - this.now() > REFRESH_MARGIN_MS) return this.tokens.accessToken;
    return (await this.refreshNow())?.accessToken;
  }

  /** Rotates the tokens now (once, however many callers ask at the same time). Undefined when the session is over. */
  refreshNow(): Promise<SessionTokens | undefined> {
    this.inflight ??= this.rotate().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private async rotate(): Promise<SessionTokens | undefined> {
    const spent = this.tokens?.refreshToken;
    if (!spent) return undefined;
    const task = async () => {
      const stored = parse(this.env.storage?.getItem(STORAGE_KEY) ?? null);
      // Another tab rotated while this one waited for the lock: its tokens are the live ones.
      if (stored && stored.refreshToken !== spent && stored.expiresAt - this.now() > REFRESH_MARGIN_MS) return stored;
      return this.refresh(stored?.refreshToken ?? spent);
    };
    try {
      const fresh = await (this.env.exclusive ? this.env.exclusive(task) : task());
      this.store(fresh);
      return fresh;
    } catch (error) {
      // Refused (expired, revoked, reused): signed out. A network failure keeps the session to retry.
      if ((error as { code?: string }).code === "UNAUTHENTICATED") this.end();
      throw error;
    }
  }

  /**
   * Rotates the tokens shortly before each access token expires, so open sockets reconnect with a
   * fresh token before the gateway closes them. Returns the function that stops it.
   */
  keepFresh(): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const plan = () => {
      clearTimeout(timer);
      if (!this.tokens) return;
      const due = Math.max(1_000, this.tokens.expiresAt - this.now() - REFRESH_MARGIN_MS);
      timer = setTimeout(() => void this.refreshNow().catch(() => setTimeout(plan, 10_000)), due);
    };
    plan();
    const unsubscribe = this.subscribe(plan);
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }

  private store(tokens: SessionTokens | undefined): void {
    this.tokens = tokens;
    if (tokens) this.env.storage?.setItem(STORAGE_KEY, JSON.stringify(tokens));
    else this.env.storage?.removeItem(STORAGE_KEY);
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The browser's pieces: localStorage, and Web Locks so two tabs never spend one refresh token. */
export function browserSessionEnvironment(): SessionEnvironment {
  return {
    storage: window.localStorage,
    // request() resolves with the task's own result; its typing nests the promise once more.
    exclusive: navigator.locks
      ? <T>(task: () => Promise<T>) => navigator.locks.request("moneta.session.refresh", task) as Promise<T>
      : undefined,
  };
}
