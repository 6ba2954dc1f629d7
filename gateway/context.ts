import type { Caller, ClientInfo } from "../platform/auth/caller.js";
import type { InternalTokenSigner } from "../platform/auth/internal-token.js";

/** Per-request gateway context. */
export interface GatewayContext {
  caller: Caller;
  traceId: string;
  /**
   * Where a client's request came from (HTTP, or `{}` over graphql-ws). Absent on the gateway's own
   * operations (live-update lookups, boot-time warm-up), which rate limits never charge.
   */
  client?: ClientInfo;
  /** Signs the caller once per request, however many subgraph fetches the plan makes. */
  internalToken(): Promise<string>;
}

export function createGatewayContext(caller: Caller, traceId: string, signer: InternalTokenSigner, client?: ClientInfo): GatewayContext {
  let token: Promise<string> | undefined;
  return {
    caller,
    traceId,
    client,
    internalToken: () => (token ??= signer.sign(caller, traceId, client)),
  };
}
