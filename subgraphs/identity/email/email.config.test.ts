import { describe, expect, it } from "vitest";

import { ConfigError } from "../../../platform/config/index.js";
import { DEFAULT_MAIL_FROM, loadEmailConfig } from "./email.config.js";

const settingOf = (env: NodeJS.ProcessEnv) => {
  try {
    loadEmailConfig(env);
    return "OK";
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).setting;
  }
};

describe("e-mail settings", () => {
  it("defaults to the log transport and a local sender", () => {
    expect(loadEmailConfig({})).toEqual({
      smtpUrl: undefined,
      mailFrom: DEFAULT_MAIL_FROM,
      verificationRequestsPerHour: 5,
      resetRequestsPerEmailPerHour: 5,
      resetRequestsPerIpPerHour: 30,
      logLinks: true,
    });
    expect(loadEmailConfig({ SMTP_URL: "  ", MAIL_FROM: "" }).smtpUrl).toBeUndefined();
  });

  it("logs mail links in development only", () => {
    expect(loadEmailConfig({ NODE_ENV: "development" }).logLinks).toBe(true);
    expect(loadEmailConfig({ NODE_ENV: "production" }).logLinks).toBe(false);
    expect(loadEmailConfig({ NODE_ENV: "test" }).logLinks).toBe(false);
  });

  it("accepts smtp:// and smtps:// URLs with credentials", () => {
    expect(loadEmailConfig({ SMTP_URL: "smtp://user:pass@mail.example.com:587" }).smtpUrl).toBe("smtp://user:pass@mail.example.com:587");
    expect(loadEmailConfig({ SMTP_URL: "smtps://mail.example.com" }).smtpUrl).toBe("smtps://mail.example.com");
  });

  it("stops boot naming SMTP_URL for a bad URL, without echoing its secret", () => {
    for (const bad of ["not a url", "http://mail.example.com", "smtp://", "smtp://user:hunter2@mail.example.com:99999"]) {
      expect(settingOf({ SMTP_URL: bad })).toBe("SMTP_URL");
    }
    expect(() => loadEmailConfig({ SMTP_URL: "https://user:hunter2@mail.example.com" })).toThrow(
      /^invalid setting SMTP_URL: (?!.*hunter2)/,
    );
  });

  it("validates MAIL_FROM as an address, optionally named, on one line", () => {
    expect(loadEmailConfig({ MAIL_FROM: "Moneta <hello@moneta.example>" }).mailFrom).toBe("Moneta <hello@moneta.example>");
    expect(loadEmailConfig({ MAIL_FROM: "hello@moneta.example" }).mailFrom).toBe("hello@moneta.example");
    expect(settingOf({ MAIL_FROM: "Moneta" })).toBe("MAIL_FROM");
    expect(settingOf({ MAIL_FROM: "a@b.example\r\nBcc: victim@example.com" })).toBe("MAIL_FROM");
  });

  it("names a bad limit", () => {
    expect(settingOf({ EMAIL_VERIFICATION_REQUESTS_PER_HOUR: "0" })).toBe("EMAIL_VERIFICATION_REQUESTS_PER_HOUR");
    expect(settingOf({ PASSWORD_RESET_REQUESTS_PER_IP_PER_HOUR: "many" })).toBe("PASSWORD_RESET_REQUESTS_PER_IP_PER_HOUR");
  });
});
