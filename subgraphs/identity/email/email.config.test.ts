import { describe, expect, it } from "vitest";

import { ConfigError } from "../../../platform/config/index.js";
import { DEFAULT_MAIL_FROM } from "../../../platform/email/index.js";
import { loadEmailConfig } from "./email.config.js";

const settingOf = (env: NodeJS.ProcessEnv) => {
  try {
    loadEmailConfig(env);
    return "OK";
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).setting;
  }
};

// SMTP_URL and MAIL_FROM are the platform's mail transport settings (platform/email, tested there).
describe("e-mail settings", () => {
  it("defaults to the log transport, a local sender and identity's request limits", () => {
    expect(loadEmailConfig({})).toEqual({
      smtpUrl: undefined,
      mailFrom: DEFAULT_MAIL_FROM,
      verificationRequestsPerHour: 5,
      resetRequestsPerEmailPerHour: 5,
      resetRequestsPerIpPerHour: 30,
      logLinks: true,
    });
  });

  it("carries the transport settings and stops boot on a bad one", () => {
    expect(loadEmailConfig({ SMTP_URL: "smtps://mail.example.com", NODE_ENV: "production" })).toMatchObject({
      smtpUrl: "smtps://mail.example.com",
      logLinks: false,
    });
    expect(settingOf({ SMTP_URL: "http://mail.example.com" })).toBe("SMTP_URL");
  });

  it("names a bad limit", () => {
    expect(settingOf({ EMAIL_VERIFICATION_REQUESTS_PER_HOUR: "0" })).toBe("EMAIL_VERIFICATION_REQUESTS_PER_HOUR");
    expect(settingOf({ PASSWORD_RESET_REQUESTS_PER_IP_PER_HOUR: "many" })).toBe("PASSWORD_RESET_REQUESTS_PER_IP_PER_HOUR");
  });
});
