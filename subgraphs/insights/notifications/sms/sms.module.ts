import type { Logger } from "pino";
import type { DataSource, EntityManager } from "typeorm";

import type { RouteHandler } from "../../../../platform/http/index.js";
import type { Clock, IdGenerator } from "../../../../platform/time/index.js";
import { PhoneNumberStore } from "./phone-number.store.js";
import { PhoneVerificationService } from "./phone-verification.service.js";
import { SmsChannel } from "./sms.channel.js";
import { loadSmsConfig, type SmsConfig } from "./sms.config.js";
import { SmsMessageStore } from "./sms-message.store.js";
import { LogSmsProvider, type SmsProvider } from "./sms-provider.js";
import { SMS_STATUS_PATH, smsStatusRoute } from "./sms-status.route.js";
import { TwilioSmsProvider } from "./twilio.provider.js";

export interface SmsDeps {
  config: SmsConfig;
  provider: SmsProvider;
  phones: PhoneNumberStore;
  messages: SmsMessageStore;
  verification: PhoneVerificationService;
  channel: SmsChannel;
  statusRoute: RouteHandler;
}

export function createSms(
  parts: { dataSource: DataSource; clock: Clock; ids: IdGenerator; logger: Logger; appUrl: string },
  config: SmsConfig = loadSmsConfig(),
): SmsDeps {
  const { dataSource, clock, ids, logger } = parts;
  const provider: SmsProvider = config.twilio ? new TwilioSmsProvider(config.twilio) : new LogSmsProvider(logger, config.logCodes);
  logger.info({ smsProvider: provider.name, dailyCap: config.dailyCapPerUser, statusCallbacks: Boolean(config.callbackBaseUrl) }, "SMS");
  const callbackUrl = config.callbackBaseUrl ? `${config.callbackBaseUrl}${SMS_STATUS_PATH}` : undefined;
  const phones = new PhoneNumberStore(dataSource);
  const messages = new SmsMessageStore(dataSource, clock, ids, provider, config.dailyCapPerUser);
  return {
    config,
    provider,
    phones,
    messages,
    verification: new PhoneVerificationService(dataSource, clock, phones, messages, callbackUrl),
    channel: new SmsChannel(dataSource, clock, phones, messages, parts.appUrl, callbackUrl),
    statusRoute: smsStatusRoute({ provider, messages, callbackUrl, logger }),
  };
}

export async function purgeSms(sms: SmsDeps, manager: EntityManager, userId: string): Promise<void> {
  await sms.messages.purgeUser(manager, userId);
  await sms.phones.purgeUser(manager, userId);
}
