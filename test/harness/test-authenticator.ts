import type { IncomingMessage } from "node:http";
import { GraphQLError } from "graphql";
import type { Authenticator } from "../../gateway/auth/authenticator.js";
import { anonymousCaller } from "../../platform/auth/caller.js";

/**
 * Test-only stand-in for identity's access tokens: `Authorization: Bearer test-user:<id>`.
 * Lives under test/ so no production path can ever accept it.
 */
export const testAuthenticator: Authenticator = {
  async authenticate(req: IncomingMessage) {
    const header = req.headers.authorization;
    if (!header) return anonymousCaller;
    const match = /^Bearer test-user:([0-9a-f-]{36})$/.exec(header);
    if (!match) throw new GraphQLError("invalid credentials", { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
    return { userId: match[1]!, scopes: ["*"] };
  },
};

export const asUser = (userId: string) => ({ authorization: `Bearer test-user:${userId}` });
