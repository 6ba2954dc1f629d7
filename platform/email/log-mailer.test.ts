import { Writable } from "node:stream";

import { pino } from "pino";
import { describe, expect, it } from "vitest";

import { LogMailer } from "./log-mailer.js";

const verification = (token: string) => ({
  subject: "Confirm your e-mail address",
  text: `Hello,\n\nopen this link:\n\nhttp://localhost:3000/verify-email?token=${token}\n\nThanks.`,
});
const reset = (token: string) => ({
  subject: "Reset your password",
  text: `Open http://localhost:3000/app/reset-password?token=${token}\nto choose a new password.`,
});

function capture(level: "info" | "debug" = "info") {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

describe("LogMailer", () => {
  it("in development, logs the verification and reset links at info level so a newcomer can follow them", async () => {
    const { logger, lines } = capture();
    const mailer = new LogMailer(logger, { logLinks: true });
    await mailer.send({ to: "ana@example.com", ...verification("tok-1") });
    await mailer.send({ to: "ana@example.com", ...reset("tok-2") });
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, to: "ana@example.com", links: ["http://localhost:3000/verify-email?token=tok-1"] }),
      expect.objectContaining({ level: 30, links: ["http://localhost:3000/app/reset-password?token=tok-2"] }),
    ]);
  });

  it("otherwise never writes a link at info level", async () => {
    const { logger, lines } = capture();
    await new LogMailer(logger).send({ to: "ana@example.com", ...verification("secret-token") });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, to: "ana@example.com", subject: expect.any(String) });
    expect(JSON.stringify(lines)).not.toContain("secret-token");
  });

  it("outside development, logs the body at debug level with its links withheld", async () => {
    const { logger, lines } = capture("debug");
    await new LogMailer(logger).send({ to: "ana@example.com", ...reset("reset-token-9") });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ level: 20, text: "Open [link withheld]\nto choose a new password." });
    expect(JSON.stringify(lines)).not.toContain("reset-token-9");
  });
});
