import type { AddressInfo } from "node:net";

import { SMTPServer } from "smtp-server";

/** A mail as an in-test SMTP server received it. */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** Raw RFC 5322 message, headers and encoded body. */
  raw: string;
  /** The plain-text body, quoted-printable decoded. */
  text: string;
  /** Date.now() when the message's data had arrived (benchmarks time delivery with it). */
  receivedAt: number;
}

export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  /** Recipients refused once with a temporary error (451) before being accepted. */
  failOnceFor(predicate: (address: string) => boolean): void;
  close(): Promise<void>;
}

function decodeQuotedPrintable(body: string): string {
  return Buffer.from(
    body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");
}

function textOf(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  return /content-transfer-encoding:\s*quoted-printable/i.test(headers) ? decodeQuotedPrintable(body) : body;
}

/**
 * A real SMTP server (the smtp-server package) on a free local port, requiring AUTH with the
 * given credentials. For tests only: no TLS, so plain-text AUTH is allowed.
 */
export async function startTestSmtpServer(credentials = { user: "moneta", pass: "s3cret" }): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const failOnce: Array<(address: string) => boolean> = [];
  const failed = new Set<string>();
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass) callback(null, { user: auth.username });
      else callback(Object.assign(new Error("invalid credentials"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (!failed.has(address.address) && failOnce.some((p) => p(address.address))) {
        failed.add(address.address);
        callback(Object.assign(new Error("mailbox busy, try again later"), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const mailFrom = session.envelope.mailFrom;
        received.push({
          from: mailFrom ? mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          text: textOf(raw),
          receivedAt: Date.now(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${credentials.user}:${credentials.pass}@127.0.0.1:${port}`,
    received,
    failOnceFor: (predicate) => failOnce.push(predicate),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
