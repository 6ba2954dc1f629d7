import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** A text as the in-test provider accepted it. */
export interface ReceivedSms {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
}

export interface TestSmsServer {
  /** Base URL to use as TWILIO_API_BASE_URL. */
  url: string;
  accountSid: string;
  authToken: string;
  received: ReceivedSms[];
  /** The next send is answered with this HTTP status and Twilio error body instead of being accepted. */
  failNext(status: number, code: number, message: string): void;
  /**
   * Posts a status callback for a message the way Twilio does: form fields, signed over the
   * StatusCallback URL the message was sent with. `deliverTo` is where it is actually posted (the
   * gateway's real address behind a public URL); `authToken` signs with another key (a forgery).
   */
  postStatus(
    sid: string,
    status: string,
    options?: { deliverTo?: string; errorCode?: string; authToken?: string; extra?: Record<string, string> },
  ): Promise<number>;
  close(): Promise<void>;
}

/** Twilio's X-Twilio-Signature, written out independently of the code under test. */
function sign(authToken: string, url: string, params: Record<string, string>): string {
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((k) => `${k}${params[k]}`)
      .join("");
  return createHmac("sha1", authToken).update(data).digest("base64");
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A local HTTP server speaking the part of Twilio's REST API Moneta uses:
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` with basic auth and a form body, answering
 * 201 with the message resource (sid, status "queued") or Twilio's error bodies (401 code 20003 for
 * bad credentials, 400 code 21211 for a To that is not E.164), and posting signed status callbacks.
 */
export async function startTestSmsServer(): Promise<TestSmsServer> {
  const accountSid = `AC${randomBytes(16).toString("hex")}`;
  const authToken = randomBytes(16).toString("hex");
  const received: ReceivedSms[] = [];
  let failure: { status: number; code: number; message: string } | null = null;
  const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;

  const server = createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    void (async () => {
      const form = Object.fromEntries(new URLSearchParams(await bodyOf(req)));
      if (req.method !== "POST" || req.url !== path)
        return json(404, { code: 20404, message: "The requested resource was not found", status: 404 });
      if (req.headers.authorization !== expectedAuth) return json(401, { code: 20003, message: "Authenticate", status: 401 });
      if (failure) {
        const f = failure;
        failure = null;
        return json(f.status, { code: f.code, message: f.message, status: f.status });
      }
      if (!/^\+[1-9]\d{6,14}$/.test(form.To ?? "")) {
        return json(400, { code: 21211, message: `The 'To' number ${form.To} is not a valid phone number.`, status: 400 });
      }
      if (!form.From || !form.Body) return json(400, { code: 21602, message: "Message body is required.", status: 400 });
      const sid = `SM${randomBytes(16).toString("hex")}`;
      received.push({ sid, accountSid, to: form.To!, from: form.From, body: form.Body, statusCallback: form.StatusCallback ?? null });
      json(201, { sid, account_sid: accountSid, to: form.To, from: form.From, body: form.Body, status: "queued", error_code: null });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    accountSid,
    authToken,
    received,
    failNext(status, code, message) {
      failure = { status, code, message };
    },
    async postStatus(sid, status, options = {}) {
      const message = received.find((m) => m.sid === sid);
      if (!message?.statusCallback) throw new Error(`message ${sid} asked for no status callback`);
      const params: Record<string, string> = {
        AccountSid: accountSid,
        ApiVersion: "2010-04-01",
        From: message.from,
        MessageSid: sid,
        MessageStatus: status,
        SmsSid: sid,
        SmsStatus: status,
        To: message.to,
        ...(options.errorCode && { ErrorCode: options.errorCode }),
        ...options.extra,
      };
      const response = await fetch(options.deliverTo ?? message.statusCallback, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-twilio-signature": sign(options.authToken ?? authToken, message.statusCallback, params),
        },
        body: new URLSearchParams(params).toString(),
      });
      await response.arrayBuffer();
      return response.status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
