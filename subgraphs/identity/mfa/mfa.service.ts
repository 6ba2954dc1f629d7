import { type DataSource, type EntityManager, IsNull } from "typeorm";

import type { ClientInfo } from "../../../platform/auth/index.js";
import { unauthenticated } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { Clock, IdGenerator } from "../../../platform/time/index.js";
import { IDENTITY_SECURITY_TOPIC, MFA_CHANGED, type MfaChangedV1 } from "../../../schema/events/identity.js";
import type { ExportSection } from "../account/account.service.js";
import { AuditEventType, type AuditService } from "../audit/audit.service.js";
import type { MfaLoginStep, MfaRequired } from "../auth/auth.service.js";
import { rateLimited } from "../auth/login-throttle.js";
import type { OpenedSession, SignedIn, SignInService } from "../auth/sign-in.service.js";
import { hashToken, newOpaqueToken } from "../tokens/opaque-token.js";
import { UserEntity } from "../users/user.entity.js";
import { hashBackupCode, newBackupCodes, normalizeBackupCode } from "./backup-codes.js";
import { MfaBackupCodeEntity, MfaChallengeEntity } from "./mfa.entity.js";
import { invalidChallenge, invalidCode, invalidLoginCode, mfaAlreadyEnabled, mfaNotEnabled, noPendingEnrolment } from "./mfa.errors.js";
import type { MfaThrottle } from "./mfa-throttle.js";
import { newTotpSecret, normalizeTotpCode, otpauthUri, totpStep } from "./totp.js";

export interface Enrolment {
  secret: string;
  otpauthUri: string;
}

export interface Activation {
  enabledAt: Date;
  /** Plain codes, returned once; only their hashes are stored. */
  backupCodes: string[];
}

/** Long enough to open an authenticator app, short enough that a leaked challenge soon dies. */
const CHALLENGE_TTL_MS = 5 * 60_000;

type Operation = "login" | "confirm" | "disable" | "regenerate";
type Claimed = { method: "totp" } | { method: "backup"; remaining: number };

/**
 * TOTP (RFC 6238) second factor: enrolment, backup codes, and the second login step.
 *
 * Every code check follows one order: count the attempt (MfaThrottle), then check the code, then
 * claim it with a conditional UPDATE in the transaction that acts on it. A TOTP code is claimed by
 * moving `users.mfa_last_step` forward, so a code (or an older one) never works twice, even when
 * two requests race with it; a backup code is claimed by setting its `used_at`.
 */
export class MfaService implements MfaLoginStep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signIns: SignInService,
    private readonly audit: AuditService,
    private readonly throttle: MfaThrottle,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Starts (or restarts) enrolment with a fresh secret; MFA stays off until confirmed. */
  async enrol(userId: string, client: ClientInfo): Promise<Enrolment> {
    const user = await this.user(userId);
    if (user.mfaEnabledAt) throw mfaAlreadyEnabled();
    const secret = newTotpSecret();
    await this.dataSource.transaction(async (manager) => {
      // Conditional, so an enrolment racing a confirmation cannot swap the secret of enabled MFA.
      // The last step is forgotten: it guarded the old secret, and would make a code of the new one
      // typed within the same 30 seconds look replayed.
      const [, count] = (await manager.query(
        `UPDATE identity.users SET mfa_secret = $2, mfa_last_step = NULL, updated_at = $3 WHERE id = $1 AND mfa_enabled_at IS NULL`,
        [userId, secret, this.clock.now()],
      )) as [unknown, number];
      if (count === 0) throw mfaAlreadyEnabled();
      await this.audit.record(userId, AuditEventType.MFA_ENROLLED, client, {}, manager);
    });
    return { secret, otpauthUri: otpauthUri(secret, user.email) };
  }

  /** A code from the pending secret proves the app has it; MFA goes on with fresh backup codes. */
  async confirm(userId: string, code: string, client: ClientInfo, traceId: string): Promise<Activation> {
    const user = await this.user(userId);
    if (user.mfaEnabledAt) throw mfaAlreadyEnabled();
    if (!user.mfaSecret) throw noPendingEnrolment();
    return this.withTotp(user, user.mfaSecret, code, client, "confirm", async (manager, now) => {
      await manager.query(`UPDATE identity.users SET mfa_enabled_at = $2, updated_at = $2 WHERE id = $1`, [userId, now]);
      const backupCodes = await this.replaceBackupCodes(manager, userId, now);
      await this.audit.record(userId, AuditEventType.MFA_ENABLED, client, {}, manager);
      await this.announce(manager, traceId, userId, true, now);
      return { enabledAt: now, backupCodes };
    });
  }

  /** Needs a code from the app itself: a backup code (paper, maybe stolen) cannot remove the factor. */
  async disable(userId: string, code: string, client: ClientInfo, traceId: string): Promise<void> {
    const user = await this.user(userId);
    if (!user.mfaEnabledAt || !user.mfaSecret) throw mfaNotEnabled();
    await this.withTotp(user, user.mfaSecret, code, client, "disable", async (manager, now) => {
      // mfa_last_step stays: harmless, and enrol resets it for the next secret anyway.
      await manager.query(`UPDATE identity.users SET mfa_secret = NULL, mfa_enabled_at = NULL, updated_at = $2 WHERE id = $1`, [
        userId,
        now,
      ]);
      await manager.delete(MfaBackupCodeEntity, { userId });
      await manager.delete(MfaChallengeEntity, { userId });
      await this.audit.record(userId, AuditEventType.MFA_DISABLED, client, {}, manager);
      await this.announce(manager, traceId, userId, false, now);
    });
  }

  /** Replaces every backup code, used or not; needs a code from the app, like disable. */
  async regenerateBackupCodes(userId: string, code: string, client: ClientInfo): Promise<string[]> {
    const user = await this.user(userId);
    if (!user.mfaEnabledAt || !user.mfaSecret) throw mfaNotEnabled();
    return this.withTotp(user, user.mfaSecret, code, client, "regenerate", async (manager, now) => {
      const codes = await this.replaceBackupCodes(manager, userId, now);
      await this.audit.record(userId, AuditEventType.BACKUP_CODES_REGENERATED, client, {}, manager);
      return codes;
    });
  }

  /** Called by login once the password is right: the client must come back with a code. */
  async createChallenge(user: UserEntity, client: ClientInfo): Promise<MfaRequired> {
    const now = this.clock.now();
    const challenge = newOpaqueToken();
    const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
    const repository = this.dataSource.getRepository(MfaChallengeEntity);
    // Dead challenges answer like unknown ones, so nothing is lost by dropping them at the next login;
    // it keeps the table to a handful of rows per user.
    await repository.query(`DELETE FROM identity.mfa_challenges WHERE user_id = $1 AND (used_at IS NOT NULL OR expires_at <= $2)`, [
      user.id,
      now,
    ]);
    await repository.insert({
      tokenHash: hashToken(challenge),
      userId: user.id,
      createdAt: now,
      expiresAt,
      usedAt: null,
      ip: client.ip ?? null,
      userAgent: client.userAgent ?? null,
    });
    return { challenge, expiresAt };
  }

  /**
   * The second login step: a TOTP code or an unused backup code. A wrong code leaves the challenge
   * open for another try (within the limit); a right one consumes the challenge, the code and
   * opens the session in one transaction.
   */
  async verify(challenge: string, input: string, client: ClientInfo, traceId: string): Promise<SignedIn> {
    const tokenHash = hashToken(challenge);
    const found = await this.dataSource.getRepository(MfaChallengeEntity).findOneBy({ tokenHash });
    if (!found) throw invalidChallenge();
    if (found.usedAt || found.expiresAt <= this.clock.now()) {
      // Once over the limit every attempt hears so, also on the challenge that was killed for it.
      const retryAfterMs = await this.throttle.retryAfter(found.userId);
      throw retryAfterMs === null ? invalidChallenge() : rateLimited(retryAfterMs);
    }
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: found.userId });
    // MFA was turned off after the password step: the challenge no longer means anything.
    if (!user?.mfaEnabledAt || !user.mfaSecret) throw invalidChallenge();
    const secret = user.mfaSecret;
    await this.countAttempt(user.id, client, "login", () => this.kill(tokenHash));

    const now = this.clock.now();
    const claim = this.loginCodeClaim(user.id, secret, input, now);
    const opened =
      claim &&
      (await this.dataSource.transaction(async (manager): Promise<OpenedSession | null> => {
        const claimed = await claim(manager);
        if (!claimed) return null;
        // Claimed after the code, so losing a race for the challenge throws and rolls the code back.
        const [rows] = (await manager.query(
          `UPDATE identity.mfa_challenges SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING token_hash`,
          [tokenHash, now],
        )) as [unknown[], number];
        if (rows.length === 0) throw invalidChallenge();
        if (claimed.method === "backup") {
          await this.audit.record(user.id, AuditEventType.BACKUP_CODE_USED, client, { remaining: claimed.remaining }, manager);
        }
        return this.signIns.openSession(manager, user, client, "mfa", traceId);
      }));
    if (!opened) {
      await this.audit.record(user.id, AuditEventType.MFA_FAILED, client, { operation: "login" });
      throw invalidLoginCode();
    }
    await this.throttle.succeeded(user.id);
    return this.signIns.signedIn(opened);
  }

  /** Unused backup codes; 0 without MFA. */
  backupCodesRemaining(userId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager.countBy(MfaBackupCodeEntity, { userId, usedAt: IsNull() });
  }

  /** For the personal-data export: the state of the factor, never the secret or the code hashes. */
  readonly exportSection: ExportSection = async (userId, manager) => {
    const user = await manager.findOneBy(UserEntity, { id: userId });
    return { enabledAt: user?.mfaEnabledAt ?? null, backupCodesRemaining: await this.backupCodesRemaining(userId, manager) };
  };

  /**
   * How a login code gets claimed inside the sign-in transaction, or null when it cannot be right
   * (wrong shape, or a TOTP code outside the window). The claim resolves to null when the code is
   * wrong or already used.
   */
  private loginCodeClaim(
    userId: string,
    secret: string,
    input: string,
    now: Date,
  ): ((manager: EntityManager) => Promise<Claimed | null>) | null {
    const totp = normalizeTotpCode(input);
    if (totp !== null) {
      const step = totpStep(secret, totp, now);
      if (step === null) return null;
      return async (manager) => ((await this.claimStep(manager, userId, secret, step, "enabled")) ? { method: "totp" } : null);
    }
    const backup = normalizeBackupCode(input);
    if (backup === null) return null;
    return async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE identity.mfa_backup_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
        [userId, hashBackupCode(userId, backup), now],
      )) as [unknown[], number];
      return rows.length === 0 ? null : { method: "backup", remaining: await this.backupCodesRemaining(userId, manager) };
    };
  }

  /**
   * Checks a TOTP code against `secret` and, when it is right and unused, runs `apply` in the
   * transaction that claims it. Counts towards the limit like a login code.
   */
  private async withTotp<T>(
    user: UserEntity,
    secret: string,
    input: string,
    client: ClientInfo,
    operation: Exclude<Operation, "login">,
    apply: (manager: EntityManager, now: Date) => Promise<T>,
  ): Promise<T> {
    await this.countAttempt(user.id, client, operation);
    const now = this.clock.now();
    const code = normalizeTotpCode(input);
    const step = code === null ? null : totpStep(secret, code, now);
    const state = operation === "confirm" ? "pending" : "enabled";
    const result =
      step === null
        ? null
        : await this.dataSource.transaction(async (manager) =>
            (await this.claimStep(manager, user.id, secret, step, state)) ? { value: await apply(manager, now) } : null,
          );
    if (!result) {
      await this.audit.record(user.id, AuditEventType.MFA_FAILED, client, { operation });
      throw invalidCode();
    }
    await this.throttle.succeeded(user.id);
    return result.value;
  }

  /**
   * Moves the user's last accepted step forward to `step`, only if it is ahead and the secret and
   * MFA state are still the ones the code was checked against. One conditional UPDATE: of two
   * requests with the same code, the second waits for the first's row lock, then matches nothing.
   */
  private async claimStep(
    manager: EntityManager,
    userId: string,
    secret: string,
    step: number,
    state: "pending" | "enabled",
  ): Promise<boolean> {
    const [, count] = (await manager.query(
      `UPDATE identity.users SET mfa_last_step = $3::bigint
       WHERE id = $1 AND mfa_secret = $2 AND (mfa_enabled_at IS NOT NULL) = $4::boolean
         AND (mfa_last_step IS NULL OR mfa_last_step < $3::bigint)`,
      [userId, secret, step, state === "enabled"],
    )) as [unknown, number];
    return count === 1;
  }

  /** Counts the attempt before any code is looked at; over the limit, refuses whatever the code. */
  private async countAttempt(userId: string, client: ClientInfo, operation: Operation, onRefused?: () => Promise<void>): Promise<void> {
    const attempt = await this.throttle.attempt(userId);
    if (attempt.allowed) return;
    await onRefused?.();
    // Once per window, not once per refused attempt: a flood would otherwise bury the log.
    if (attempt.firstRefusal) await this.audit.record(userId, AuditEventType.MFA_FAILED, client, { operation, rateLimited: true });
    throw rateLimited(attempt.retryAfterMs);
  }

  /** A challenge under attack dies: the owner signs in again with the password once the limit lifts. */
  private async kill(tokenHash: string): Promise<void> {
    await this.dataSource.getRepository(MfaChallengeEntity).update({ tokenHash, usedAt: IsNull() }, { usedAt: this.clock.now() });
  }

  private async replaceBackupCodes(manager: EntityManager, userId: string, now: Date): Promise<string[]> {
    const codes = newBackupCodes();
    await manager.delete(MfaBackupCodeEntity, { userId });
    await manager.insert(
      MfaBackupCodeEntity,
      codes.map((code) => ({
        id: this.ids.next(),
        userId,
        codeHash: hashBackupCode(userId, normalizeBackupCode(code)!),
        createdAt: now,
        usedAt: null,
      })),
    );
    return codes;
  }

  private async announce(manager: EntityManager, traceId: string, userId: string, enabled: boolean, at: Date): Promise<void> {
    const data: MfaChangedV1 = { userId, enabled, at: at.toISOString() };
    await this.outbox.add(manager, traceId, [{ topic: IDENTITY_SECURITY_TOPIC, type: MFA_CHANGED, key: userId, data }]);
  }

  private async user(userId: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    // A valid token for an account deleted since it was issued.
    if (!user) throw unauthenticated();
    return user;
  }
}
