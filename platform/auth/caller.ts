/** Who is calling, as verified by the gateway. Subgraphs never read client-sent identity. */
export interface Caller {
  /** The user every read and write is scoped to; undefined for anonymous calls. */
  readonly userId?: string;
  /** API-key scopes; users signed in with a session hold every scope ("*"). */
  readonly scopes: readonly string[];
  /** Set when the call came in with an integrator API key. */
  readonly apiKeyId?: string;
}

export const anonymousCaller: Caller = Object.freeze({ scopes: Object.freeze([]) as readonly string[] });
