import type { DataSource, EntityManager } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import type { Clock, IdGenerator } from "../../../platform/time/index.js";
import { hashToken, newOpaqueToken } from "../tokens/opaque-token.js";
import { EmailTokenEntity, type EmailTokenPurpose } from "./email-token.entity.js";

export type TokenRejection = "TOKEN_INVALID" | "TOKEN_EXPIRED" | "TOKEN_USED";

/** One message whatever went wrong; `reason` lets a client offer "send a new link". */
export const invalidLink = (reason: TokenRejection) =>
  badInput("this link is invalid, expired or already used; ask for a new one", { field: "token", reason });

/** Our tokens are 43 characters; anything much longer is not worth hashing. */
const MAX_TOKEN_LENGTH = 128;

/** Kept a while after expiry so a late click still says "expired" rather than "invalid". */
const KEEP_EXPIRED_MS = 7 * 86_400_000;

/** Single-use tokens for links in e-mails. The token travels only in the mail; the table holds its hash. */
export class EmailTokenService {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async issue(manager: EntityManager, userId: string, purpose: EmailTokenPurpose, ttlMs: number): Promise<string> {
    const token = newOpaqueToken();
    const now = this.clock.now();
    await manager.insert(EmailTokenEntity, {
      id: this.ids.next(),
      userId,
      purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + ttlMs),
      usedAt: null,
      createdAt: now,
    });
    return token;
  }

  /** The user a usable token belongs to, without using it; throws the generic invalid-link error. */
  async check(manager: EntityManager, token: string, purpose: EmailTokenPurpose): Promise<string> {
    const row =
      token.length <= MAX_TOKEN_LENGTH ? await manager.findOneBy(EmailTokenEntity, { tokenHash: hashToken(token), purpose }) : null;
    const rejection = this.rejectionOf(row);
    if (rejection) throw invalidLink(rejection);
    return row!.userId;
  }

  /**
   * Uses the token up and returns its user. One conditional UPDATE, so two concurrent uses cannot
   * both win; in the caller's transaction, so a later failure leaves the token usable.
   */
  async consume(manager: EntityManager, token: string, purpose: EmailTokenPurpose): Promise<string> {
    if (token.length > MAX_TOKEN_LENGTH) throw invalidLink("TOKEN_INVALID");
    const now = this.clock.now();
    const [rows] = (await manager.query(
      `UPDATE identity.email_tokens SET used_at = $3
       WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
       RETURNING user_id`,
      [hashToken(token), purpose, now],
    )) as [Array<{ user_id: string }>, number];
    const userId = rows[0]?.user_id;
    if (userId) return userId;
    throw invalidLink(
      this.rejectionOf(await manager.findOneBy(EmailTokenEntity, { tokenHash: hashToken(token), purpose })) ?? "TOKEN_USED",
    );
  }

  /** Marks the user's other open tokens of this purpose used: one successful use ends them all. */
  async voidOpen(manager: EntityManager, userId: string, purpose: EmailTokenPurpose): Promise<void> {
    await manager.query(`UPDATE identity.email_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [
      userId,
      purpose,
      this.clock.now(),
    ]);
  }

  async prune(dataSource: DataSource): Promise<void> {
    await dataSource.query(`DELETE FROM identity.email_tokens WHERE expires_at < $1`, [
      new Date(this.clock.now().getTime() - KEEP_EXPIRED_MS),
    ]);
  }

  private rejectionOf(row: EmailTokenEntity | null): TokenRejection | undefined {
    if (!row) return "TOKEN_INVALID";
    if (row.usedAt) return "TOKEN_USED";
    if (row.expiresAt <= this.clock.now()) return "TOKEN_EXPIRED";
    return undefined;
  }
}
