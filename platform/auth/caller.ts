/** Who is calling, as verified by the gateway. Subgraphs never read client-sent identity. */
export interface Caller {
  /** The user every read and write is scoped to; undefined for anonymous calls. */
  readonly userId?: string;
  /** API-key scopes; users signed in with a session hold every scope ("*"). */
  readonly scopes: readonly string[];
  /** Set when the call came in with an integrator API key. */
  readonly apiKeyId?: string;
  /** The API key may run only the persisted operations of the manifest (checked by the gateway). */
  readonly safelistOnly?: boolean;
  /** The sign-in session behind an access token (logout, session lists). */
  readonly sessionId?: string;
  /** When the credential expires (ms since epoch); long-lived sockets close then. */
  readonly expiresAt?: number;
}

/** Where a request came from, as the gateway saw it; for throttles, sessions and the audit log. */
export interface ClientInfo {
  readonly ip?: string;
  readonly userAgent?: string;
}

export const anonymousCaller: Caller = Object.freeze({ scopes: Object.freeze([]) as readonly string[] });
