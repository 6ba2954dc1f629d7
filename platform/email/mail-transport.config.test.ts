import { describe, expect, it } from "vitest";

import { ConfigError } from "../config/index.js";
import { DEFAULT_MAIL_FROM, loadMailTransportConfig } from "./mail-transport.config.js";

const settingOf = (env: NodeJS.ProcessEnv) => {
  try {
    loadMailTransportConfig(env);
    return "OK";
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).setting;
  }
};

describe("mail transport settings", () => {
  it("defaults to the log transport and a local sender", () => {
    expect(loadMailTransportConfig({})).toEqual({ smtpUrl: undefined, mailFrom: DEFAULT_MAIL_FROM, logLinks: true });
    expect(loadMailTransportConfig({ SMTP_URL: "  ", MAIL_FROM: "" }).smtpUrl).toBeUndefined();
  });

  it("logs mail links in development only", () => {
    expect(loadMailTransportConfig({ NODE_ENV: "development" }).logLinks).toBe(true);
    expect(loadMailTransportConfig({ NODE_ENV: "production" }).logLinks).toBe(false);
    expect(loadMailTransportConfig({ NODE_ENV: "test" }).logLinks).toBe(false);
  });

  it("accepts smtp:// and smtps:// URLs with credentials", () => {
    expect(loadMailTransportConfig({ SMTP_URL: "smtp://user:pass@mail.example.com:587" }).smtpUrl).toBe(
      "smtp://user:pass@mail.example.com:587",
    );
    expect(loadMailTransportConfig({ SMTP_URL: "smtps://mail.example.com" }).smtpUrl).toBe("smtps://mail.example.com");
  });

  it("stops boot naming SMTP_URL for a bad URL, without echoing its secret", () => {
    for (const bad of ["not a url", "http://mail.example.com", "smtp://", "smtp://user:hunter2@mail.example.com:99999"]) {
      expect(settingOf({ SMTP_URL: bad })).toBe("SMTP_URL");
    }
    expect(() => loadMailTransportConfig({ SMTP_URL: "https://user:hunter2@mail.example.com" })).toThrow(
      /^invalid setting SMTP_URL: (?!.*hunter2)/,
    );
  });

  it("validates MAIL_FROM as an address, optionally named, on one line", () => {
    expect(loadMailTransportConfig({ MAIL_FROM: "Moneta <hello@moneta.example>" }).mailFrom).toBe("Moneta <hello@moneta.example>");
    expect(loadMailTransportConfig({ MAIL_FROM: "hello@moneta.example" }).mailFrom).toBe("hello@moneta.example");
    expect(settingOf({ MAIL_FROM: "Moneta" })).toBe("MAIL_FROM");
    expect(settingOf({ MAIL_FROM: "a@b.example\r\nBcc: victim@example.com" })).toBe("MAIL_FROM");
  });
});
