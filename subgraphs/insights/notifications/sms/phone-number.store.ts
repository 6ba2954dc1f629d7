import type { DataSource, EntityManager } from "typeorm";

export interface PhoneNumberRecord {
  /** Verified, E.164; null until a code was confirmed. */
  phoneNumber: string | null;
  verifiedAt: Date | null;
  pendingNumber: string | null;
  codeHash: string | null;
  codeExpiresAt: Date | null;
  codeAttempts: number;
  codeSentAt: Date | null;
}

interface Row {
  phone_number: string | null;
  verified_at: Date | null;
  pending_number: string | null;
  code_hash: string | null;
  code_expires_at: Date | null;
  code_attempts: number;
  code_sent_at: Date | null;
}

const date = (d: Date | null) => (d ? new Date(d) : null);

function fromRow(r: Row): PhoneNumberRecord {
  return {
    phoneNumber: r.phone_number,
    verifiedAt: date(r.verified_at),
    pendingNumber: r.pending_number,
    codeHash: r.code_hash,
    codeExpiresAt: date(r.code_expires_at),
    codeAttempts: r.code_attempts,
    codeSentAt: date(r.code_sent_at),
  };
}

export const NO_PHONE_NUMBER: PhoneNumberRecord = Object.freeze({
  phoneNumber: null,
  verifiedAt: null,
  pendingNumber: null,
  codeHash: null,
  codeExpiresAt: null,
  codeAttempts: 0,
  codeSentAt: null,
});

const COLUMNS = "phone_number, verified_at, pending_number, code_hash, code_expires_at, code_attempts, code_sent_at";

/** One row per user in `insights.sms_phone_numbers`; its lock serialises everything that texts the user. */
export class PhoneNumberStore {
  constructor(private readonly dataSource: DataSource) {}

  async get(userId: string, manager: EntityManager = this.dataSource.manager): Promise<PhoneNumberRecord> {
    const [row]: Row[] = await manager.query(`SELECT ${COLUMNS} FROM insights.sms_phone_numbers WHERE user_id = $1`, [userId]);
    return row ? fromRow(row) : NO_PHONE_NUMBER;
  }

  /** The row, locked for the transaction; created empty first when `create`. Null: the user has none. */
  async lock(manager: EntityManager, userId: string, now: Date, create: boolean): Promise<PhoneNumberRecord | null> {
    if (create) {
      await manager.query(`INSERT INTO insights.sms_phone_numbers (user_id, updated_at) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`, [
        userId,
        now,
      ]);
    }
    const [row]: Row[] = await manager.query(`SELECT ${COLUMNS} FROM insights.sms_phone_numbers WHERE user_id = $1 FOR UPDATE`, [userId]);
    return row ? fromRow(row) : null;
  }

  async startCode(
    manager: EntityManager,
    userId: string,
    pendingNumber: string,
    codeHash: string,
    expiresAt: Date,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE insights.sms_phone_numbers SET pending_number = $2, code_hash = $3, code_expires_at = $4, code_attempts = 0,
         code_sent_at = $5, updated_at = $5 WHERE user_id = $1`,
      [userId, pendingNumber, codeHash, expiresAt, now],
    );
  }

  /** Forgets a code that was never delivered, if it is still the current one; the resend throttle is lifted with it. */
  async dropCode(userId: string, codeHash: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE insights.sms_phone_numbers SET pending_number = NULL, code_hash = NULL, code_expires_at = NULL, code_attempts = 0,
         code_sent_at = NULL, updated_at = $3 WHERE user_id = $1 AND code_hash = $2`,
      [userId, codeHash, now],
    );
  }

  async countWrongCode(manager: EntityManager, userId: string, now: Date): Promise<void> {
    await manager.query(`UPDATE insights.sms_phone_numbers SET code_attempts = code_attempts + 1, updated_at = $2 WHERE user_id = $1`, [
      userId,
      now,
    ]);
  }

  async verify(manager: EntityManager, userId: string, phoneNumber: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE insights.sms_phone_numbers SET phone_number = $2, verified_at = $3, pending_number = NULL, code_hash = NULL,
         code_expires_at = NULL, code_attempts = 0, updated_at = $3 WHERE user_id = $1`,
      [userId, phoneNumber, now],
    );
  }

  /** Removes the number and any verification in progress; returns whether there was anything. */
  async remove(userId: string, now: Date): Promise<boolean> {
    // The row stays, emptied, with code_sent_at: removing and re-adding a number does not lift the resend throttle.
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE insights.sms_phone_numbers SET phone_number = NULL, verified_at = NULL, pending_number = NULL, code_hash = NULL,
         code_expires_at = NULL, code_attempts = 0, updated_at = $2
       WHERE user_id = $1 AND (phone_number IS NOT NULL OR pending_number IS NOT NULL) RETURNING user_id`,
      [userId, now],
    );
    return count > 0;
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.sms_phone_numbers WHERE user_id = $1`, [userId]);
  }
}
