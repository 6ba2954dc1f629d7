export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text; no HTML, so nothing in a mail can be rendered as markup. */
  text: string;
  /**
   * The Message-ID header, without angle brackets. A sender that may send one message twice (a
   * crash between the server's acceptance and the sender's record) gives both copies the same id,
   * so mail clients can show one.
   */
  messageId?: string;
}

/**
 * A mail transport. Code never calls it directly: mails go through the outbox table
 * ({@link MailOutbox}) and the dispatcher delivers them after commit.
 */
export interface Mailer {
  /** Resolves once the transport has accepted the message; rejects to have it retried later. */
  send(message: MailMessage): Promise<void>;
  close?(): Promise<void>;
}
