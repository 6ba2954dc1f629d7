import { SignJWT } from "jose";

import { ACCESS_TOKEN } from "../../../platform/auth/index.js";
import type { Clock } from "../../../platform/time/index.js";
import type { SigningKeysService } from "./signing-keys.service.js";

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Signs short-lived access tokens (15 minutes) that the gateway verifies against the JWKS. */
export class AccessTokenIssuer {
  constructor(
    private readonly keys: SigningKeysService,
    private readonly clock: Clock,
  ) {}

  async issue(userId: string, sessionId: string): Promise<IssuedAccessToken> {
    const { kid, privateKey } = await this.keys.current();
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + ACCESS_TOKEN.ttlSeconds;
    const token = await new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: ACCESS_TOKEN.algorithm, kid, typ: "at+jwt" })
      .setIssuer(ACCESS_TOKEN.issuer)
      .setAudience(ACCESS_TOKEN.audience)
      .setSubject(userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(privateKey);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }
}
