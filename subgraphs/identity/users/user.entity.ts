import { Column, Entity, PrimaryColumn } from "typeorm";

import type { NotificationPreferencesV1 } from "../../../schema/events/notifications.js";

@Entity({ name: "users" })
export class UserEntity {
  @PrimaryColumn("uuid")
  id!: string;

  /** Normalised (trimmed, lower-case); unique. */
  @Column("text", { unique: true })
  email!: string;

  @Column("timestamptz", { name: "email_verified_at", nullable: true })
  emailVerifiedAt!: Date | null;

  /** argon2id PHC string; null for accounts that only sign in with an external provider. */
  @Column("text", { name: "password_hash", nullable: true })
  passwordHash!: string | null;

  @Column("text", { name: "display_name" })
  displayName!: string;

  /** IANA zone, e.g. "Europe/Paris". */
  @Column("text")
  timezone!: string;

  /** BCP 47 tag, e.g. "fr-FR". */
  @Column("text")
  locale!: string;

  /** ISO-4217. */
  @Column("char", { name: "base_currency", length: 3 })
  baseCurrency!: string;

  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  @Column("smallint", { name: "first_day_of_week" })
  firstDayOfWeek!: number;

  /** Day of month a budgeting month starts (1–28). */
  @Column("smallint", { name: "month_start_day" })
  monthStartDay!: number;

  @Column("smallint", { name: "salary_day", nullable: true })
  salaryDay!: number | null;

  /** Every kind listed (see notifications/notification-preferences.ts). */
  @Column("jsonb", { name: "notification_preferences" })
  notificationPreferences!: NotificationPreferencesV1;

  /** Base32 TOTP secret once MFA is confirmed (or pending confirmation). */
  @Column("text", { name: "mfa_secret", nullable: true })
  mfaSecret!: string | null;

  @Column("timestamptz", { name: "mfa_enabled_at", nullable: true })
  mfaEnabledAt!: Date | null;

  /** Last TOTP time step accepted: a code is never accepted twice, nor an older one. */
  @Column("bigint", { name: "mfa_last_step", nullable: true })
  mfaLastStep!: string | null;

  /** Set by an operator (`adminLockUser`): no sign-in or refresh until unlocked. */
  @Column("timestamptz", { name: "locked_at", nullable: true })
  lockedAt!: Date | null;

  /** The operator's reason, shown to the user in their security log. */
  @Column("text", { name: "locked_reason", nullable: true })
  lockedReason!: string | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}
