import type { IncomingMessage } from "node:http";

import type { Caller } from "../../platform/auth/caller.js";

/**
 * Turns an incoming request into a verified caller, or throws UNAUTHENTICATED. Client-sent identity
 * headers are never read; only credentials this function verifies count.
 */
export interface Authenticator {
  authenticate(req: IncomingMessage): Promise<Caller>;
}
