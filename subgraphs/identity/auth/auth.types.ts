import { createUnionType, Field, ObjectType } from "type-graphql";

import type { RequestContext } from "../../../platform/graphql/index.js";
import { User } from "../users/user.type.js";
import type { MfaRequired } from "./auth.service.js";
import type { SignedIn } from "./sign-in.service.js";

/** A session acts with every scope; scopes narrow API keys only (as the gateway's authenticator says). */
const ALL_SCOPES = "*";

@ObjectType({ description: "A signed-in session: a short-lived access token and a single-use refresh token." })
export class AuthPayload {
  @Field(() => String, { description: "Send as `Authorization: Bearer <token>`; valid for 15 minutes." })
  accessToken!: string;

  @Field(() => String)
  tokenType!: string;

  @Field(() => Date, { description: "When the access token expires." })
  expiresAt!: Date;

  @Field(() => String, { description: "Exchange with refreshSession for a new pair; usable once." })
  refreshToken!: string;

  @Field(() => User)
  user!: User;

  /**
   * The payload of a mutation that signed someone in, and the sign-in recorded on the request: the
   * payload's other fields (`user { accounts }`, from the ledger) resolve as the new user, and the
   * gateway learns whom to call the other subgraphs as. Every sign-in answers through here.
   */
  static signIn(ctx: RequestContext, signedIn: SignedIn): AuthPayload {
    ctx.signIn({ userId: signedIn.user.id, sessionId: signedIn.sessionId, scopes: [ALL_SCOPES], expiresAt: signedIn.expiresAt.getTime() });
    return AuthPayload.from(signedIn);
  }

  private static from(signedIn: SignedIn): AuthPayload {
    return Object.assign(new AuthPayload(), {
      accessToken: signedIn.accessToken,
      tokenType: "Bearer",
      expiresAt: signedIn.expiresAt,
      refreshToken: signedIn.refreshToken,
      user: User.from(signedIn.user),
    });
  }
}

@ObjectType({ description: "The password was right; complete the sign-in with verifyMfa." })
export class MfaChallenge {
  @Field(() => String)
  challenge!: string;

  @Field(() => Date)
  expiresAt!: Date;

  static from(required: MfaRequired): MfaChallenge {
    return Object.assign(new MfaChallenge(), required);
  }
}

export const LoginResult = createUnionType({
  name: "LoginResult",
  types: () => [AuthPayload, MfaChallenge] as const,
  resolveType: (value) => ("challenge" in value ? MfaChallenge : AuthPayload),
});
