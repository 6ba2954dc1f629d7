import type { Logger } from "pino";
import type { DataSource } from "typeorm";

import type { EmailTokenService } from "./email-token.service.js";
import type { MailDispatcher } from "./mail-dispatcher.js";

/** Deletes old mail rows and expired e-mail tokens on a timer, away from requests: these deletes scan. */
export class EmailHousekeeping {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: MailDispatcher,
    private readonly tokens: EmailTokenService,
    private readonly logger: Logger,
  ) {}

  start(everyMs: number): void {
    this.timer = setInterval(() => this.run(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private run(): void {
    if (!this.dataSource.isInitialized) return;
    void this.dispatcher.prune();
    this.tokens.prune(this.dataSource).catch((err: unknown) => this.logger.warn({ err }, "email token prune failed"));
  }
}
