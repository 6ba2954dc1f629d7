import type { Caller, ClientInfo } from "../platform/auth/caller.js";
import type { InternalTokenSigner } from "../platform/auth/internal-token.js";

/** Per-request gateway context. */
export interface GatewayContext {
  /** The verified caller; after a sign-in mutation of this request, the user it signed in. */
  readonly caller: Caller;
  traceId: string;
  /**
   * Where a client's request came from (HTTP, or `{}` over graphql-ws). Absent on the gateway's own
   * operations (live-update lookups, boot-time warm-up), which rate limits never charge.
   */
  client?: ClientInfo;
  /** Signs the caller once per request, however many subgraph fetches the plan makes. */
  internalToken(): Promise<string>;
  /**
   * The identity subgraph signed someone in (register, login, ...): the rest of the request's query
   * plan calls subgraphs as them, so `register { user { accounts } }` reads the new user's accounts.
   * Only the identity subgraph's data source calls this (see SubgraphDataSource).
   */
  signIn?(caller: Caller): void;
  /** Whom `signIn` switched to, if anyone. */
  readonly signedIn?: Caller;
}

export function createGatewayContext(caller: Caller, traceId: string, signer: InternalTokenSigner, client?: ClientInfo): GatewayContext {
  return new RequestGatewayContext(caller, traceId, signer, client);
}

/**
 * Plain fields and prototype methods, no closures or getters: Apollo Server copies the context
 * value per operation (`Object.assign` onto the same prototype), and `signIn` must change the copy
 * that the query plan's fetches and the authorization step see.
 */
class RequestGatewayContext implements GatewayContext {
  signedIn?: Caller;
  private token?: Promise<string>;

  constructor(
    public caller: Caller,
    public traceId: string,
    private readonly signer: InternalTokenSigner,
    public client?: ClientInfo,
  ) {}

  internalToken(): Promise<string> {
    return (this.token ??= this.signer.sign(this.caller, this.traceId, this.client));
  }

  signIn(next: Caller): void {
    this.caller = this.signedIn = next;
    this.token = undefined;
  }
}
