import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestSmtpServer, type TestSmtpServer } from "../testing/test-smtp-server.js";
import { SmtpMailer } from "./smtp-mailer.js";

describe("SMTP mailer against a real SMTP server", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => smtp?.close());

  it("authenticates and delivers the message with the configured sender", async () => {
    const mailer = new SmtpMailer(smtp.url, "Moneta <no-reply@moneta.test>");
    try {
      const text = `Hello,\n\nopen https://app.moneta.test/verify-email?token=${"A".repeat(43)} to confirm.\nÉté ✓`;
      await mailer.send({ to: "dana@example.com", subject: "Confirm your address", text });
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail).toMatchObject({ from: "no-reply@moneta.test", to: ["dana@example.com"] });
      expect(mail!.raw).toMatch(/^Subject: Confirm your address\r$/m);
      expect(mail!.raw).toMatch(/^From: Moneta <no-reply@moneta\.test>\r$/m);
      expect(mail!.text.replace(/\r\n/g, "\n")).toContain(text);
    } finally {
      await mailer.close();
    }
  });

  it("rejects when the server refuses the credentials, so the dispatcher retries", async () => {
    const mailer = new SmtpMailer(smtp.url.replace("s3cret", "wrong"), "no-reply@moneta.test");
    try {
      await expect(mailer.send({ to: "erin@example.com", subject: "x", text: "y" })).rejects.toThrow(/535|invalid credentials/i);
      expect(smtp.received.some((m) => m.to.includes("erin@example.com"))).toBe(false);
    } finally {
      await mailer.close();
    }
  });

  it("rejects on a temporary recipient failure", async () => {
    smtp.failOnceFor((a) => a === "busy@example.com");
    const mailer = new SmtpMailer(smtp.url, "no-reply@moneta.test");
    try {
      await expect(mailer.send({ to: "busy@example.com", subject: "x", text: "y" })).rejects.toThrow(/451|try again/i);
      await mailer.send({ to: "busy@example.com", subject: "x", text: "y" });
      expect(smtp.received.filter((m) => m.to.includes("busy@example.com"))).toHaveLength(1);
    } finally {
      await mailer.close();
    }
  });
});
