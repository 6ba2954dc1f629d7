import type { IncomingMessage } from "node:http";

import { describe, expect, it } from "vitest";

import type { Caller } from "../../platform/auth/caller.js";
import { cachingAuthenticator } from "./caching-authenticator.js";
import { unauthenticatedError } from "./jwt-authenticator.js";

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe("cachingAuthenticator", () => {
  it("verifies a token once and answers from memory until the token or the cache entry expires", async () => {
    let now = 1_000_000;
    let calls = 0;
    const auth = cachingAuthenticator(
      {
        async authenticate(req) {
          calls++;
          return { userId: `u-${req.headers.authorization}`, scopes: ["*"], expiresAt: 1_000_000 + 90_000 };
        },
      },
      { now: () => now, maxAgeMs: 60_000 },
    );
    const first = await auth.authenticate(request({ authorization: "Bearer a" }));
    expect(await auth.authenticate(request({ authorization: "Bearer a" }))).toBe(first);
    expect(calls).toBe(1);
    await auth.authenticate(request({ authorization: "Bearer b" }));
    expect(calls).toBe(2);
    now += 60_000; // cache entry too old
    await auth.authenticate(request({ authorization: "Bearer a" }));
    expect(calls).toBe(3);
    now += 30_000; // token itself expired: never answered from memory
    await auth.authenticate(request({ authorization: "Bearer a" }));
    expect(calls).toBe(4);
  });

  it("never remembers a failure, an anonymous caller or an API key", async () => {
    let calls = 0;
    const answers: Array<Caller | Error> = [unauthenticatedError("invalid access token"), { scopes: [] }];
    const auth = cachingAuthenticator({
      async authenticate() {
        calls++;
        const next = answers.shift() ?? { userId: "k-owner", scopes: ["ledger:read"], apiKeyId: "k1" };
        if (next instanceof Error) throw next;
        return next;
      },
    });
    await expect(auth.authenticate(request({ authorization: "Bearer x" }))).rejects.toThrow("invalid access token");
    await auth.authenticate(request({ authorization: "Bearer x" }));
    await auth.authenticate(request({}));
    await auth.authenticate(request({ "x-api-key": "secret" }));
    await auth.authenticate(request({ "x-api-key": "secret" }));
    expect(calls).toBe(5);
  });
});
