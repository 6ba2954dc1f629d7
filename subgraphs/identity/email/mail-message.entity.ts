import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * One outgoing mail, written in the transaction of the change that causes it (an outbox): a
 * rolled-back change leaves no mail, a committed one cannot lose its mail. The dispatcher sends it.
 */
@Entity({ name: "mail_messages" })
export class MailMessageEntity {
  @PrimaryColumn("uuid")
  id!: string;

  /** Null once the user is deleted (the row may still be in flight). */
  @Column("uuid", { name: "user_id", nullable: true })
  userId!: string | null;

  @Column("text", { name: "to_address" })
  toAddress!: string;

  @Column("text")
  subject!: string;

  /** Plain text; may hold a live link until its token expires. */
  @Column("text")
  body!: string;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "sent_at", nullable: true })
  sentAt!: Date | null;

  @Column("integer")
  attempts!: number;

  @Column("text", { name: "last_error", nullable: true })
  lastError!: string | null;

  /** Not before this time: backoff after a failure, or the lease of a dispatcher sending it now. */
  @Column("timestamptz", { name: "next_attempt_at" })
  nextAttemptAt!: Date;
}
