import nodemailer, { type Transporter } from "nodemailer";

import type { Mailer, MailMessage } from "./mailer.js";

/**
 * Delivers through an SMTP server (nodemailer, pooled connections). smtp:// upgrades with STARTTLS
 * when the server offers it; smtps:// is TLS from the start.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: 2,
      // nodemailer's defaults wait minutes on a dead server; the dispatcher retries instead.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.messageId && { messageId: `<${message.messageId}>` }),
    });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
