import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from "typeorm";

import type { MailMessage } from "../../../platform/email/index.js";
import type { Clock, IdGenerator } from "../../../platform/time/index.js";
import type { ExportSection } from "../account/account.service.js";
import { MailMessageEntity } from "./mail-message.entity.js";

export interface OutgoingMail extends MailMessage {
  /** The account the mail is about; null for mail to no account. */
  userId: string | null;
}

/**
 * Writes mail into identity.mail_messages inside the caller's transaction, so a mail exists if and
 * only if the change that caused it committed. Nothing is sent here: the dispatcher delivers.
 */
export class MailOutbox {
  /** Transactions that wrote mail and have not ended yet. */
  private readonly pending = new WeakSet<QueryRunner>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async add(manager: EntityManager, mail: OutgoingMail): Promise<string> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error("MailOutbox.add must run inside the transaction that makes the change");
    const now = this.clock.now();
    const id = this.ids.next();
    await manager.insert(MailMessageEntity, {
      id,
      userId: mail.userId,
      toAddress: mail.to,
      subject: mail.subject,
      body: mail.text,
      createdAt: now,
      sentAt: null,
      attempts: 0,
      lastError: null,
      nextAttemptAt: now,
    });
    this.pending.add(runner);
    return id;
  }

  /** The personal-data export's section: the mails sent to the user, without their bodies (which hold links). */
  readonly exportSection: ExportSection = (userId, manager) =>
    manager.query(
      `SELECT id, to_address, subject, created_at, sent_at FROM identity.mail_messages WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    );

  /**
   * Calls `listener` after each transaction that wrote mail has committed: the writer's own signal,
   * so the dispatcher sends at once without polling. Hooks TypeORM's transaction events because the
   * writing transaction often belongs to someone else (registration). Returns the unsubscriber.
   */
  onCommitted(listener: () => void): () => void {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: ({ queryRunner }) => {
        // A released savepoint also "commits"; only the outermost COMMIT makes the rows visible.
        if (queryRunner.isTransactionActive || !this.pending.has(queryRunner)) return;
        this.pending.delete(queryRunner);
        // Never inside the commit: on PGlite the listener's queries wait for this very session.
        setImmediate(listener);
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) this.pending.delete(queryRunner);
      },
    };
    this.dataSource.subscribers.push(subscriber);
    return () => {
      const index = this.dataSource.subscribers.indexOf(subscriber);
      if (index !== -1) this.dataSource.subscribers.splice(index, 1);
    };
  }
}
