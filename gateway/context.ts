import type { Caller, ClientInfo } from "../platform/auth/caller.js";
import type { InternalTokenSigner } from "../platform/auth/internal-token.js";

/** Per-request gateway context. */
export interface GatewayContext {
  caller: Caller;
  traceId: string;
  /** Signs the caller once per request, however many subgraph fetches the plan makes. */
  internalToken(): Promise<string>;
}

export function createGatewayContext(caller: Caller, traceId: string, signer: InternalTokenSigner, client: ClientInfo = {}): GatewayContext {
  let token: Promise<string> | undefined;
  return {
    caller,
    traceId,
    internalToken: () => (token ??= signer.sign(caller, traceId, client)),
  };
}
