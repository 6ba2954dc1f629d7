import { createUnionType, Field, ObjectType } from "type-graphql";
import { User } from "../users/user.type.js";
import type { MfaRequired, SignedIn } from "./auth.service.js";

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

  static from(signedIn: SignedIn): AuthPayload {
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
