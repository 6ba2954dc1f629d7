import { type BankProvider, BankProviderError, type FetchOptions, type RemoteAccountData } from "./bank-provider.js";
import { accessUrlOf, claimUrlOf, parseAccountSet } from "./simplefin.parsing.js";

/** Answers larger than this are refused rather than parsed (5,000 transactions are about 1.5 MB). */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * SimpleFIN Bridge (https://www.simplefin.org/protocol.html): POST to the claim URL the setup token
 * encodes answers with the access URL (basic-auth credentials inside); GET `<access>/accounts`
 * answers with accounts, balances and transactions. 401/403 mean the user must act (the token was
 * used, access revoked); 5xx, timeouts and unreadable answers are transient.
 */
export class SimpleFinProvider implements BankProvider {
  constructor(private readonly timeoutMs: number) {}

  async claim(setupToken: string): Promise<string> {
    const url = claimUrlOf(setupToken);
    const response = await this.request(url, { method: "POST", headers: { "content-length": "0" } });
    // A claim URL answers 403 once it has been claimed (or never existed): the token is no good.
    if (response.status === 401 || response.status === 403 || response.status === 404)
      throw new BankProviderError("BAD_TOKEN", "the setup token was already claimed or is unknown to the bridge");
    const body = await this.body(response);
    return accessUrlOf(body).toString();
  }

  async fetchAccounts(credentials: string, options: FetchOptions): Promise<RemoteAccountData[]> {
    const access = new URL(credentials);
    const authorization = `Basic ${Buffer.from(`${decodeURIComponent(access.username)}:${decodeURIComponent(access.password)}`).toString("base64")}`;
    access.username = "";
    access.password = "";
    const url = new URL(`${access.toString().replace(/\/$/, "")}/accounts`);
    url.searchParams.set("start-date", String(Math.floor(options.startDate.getTime() / 1000)));
    url.searchParams.set("pending", "1");
    if (options.balancesOnly) url.searchParams.set("balances-only", "1");
    const response = await this.request(url, { method: "GET", headers: { authorization } });
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new BankProviderError(
        "NEEDS_USER",
        `the bridge refused access (${response.status}): reconnect the bank with a new setup token`,
      );
    }
    return parseAccountSet(await this.body(response));
  }

  private async request(url: URL, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new BankProviderError(
        "TRANSIENT",
        timedOut ? `the bridge did not answer within ${this.timeoutMs} ms` : "the bridge could not be reached",
      );
    }
  }

  private async body(response: Response): Promise<string> {
    if (!response.ok) {
      await response.body?.cancel();
      throw new BankProviderError("TRANSIENT", `the bridge answered ${response.status}`);
    }
    const length = Number(response.headers.get("content-length") ?? 0);
    if (length > MAX_BODY_BYTES) {
      await response.body?.cancel();
      throw new BankProviderError("TRANSIENT", "the bridge's answer is too large");
    }
    try {
      return await response.text();
    } catch {
      throw new BankProviderError("TRANSIENT", "the bridge's answer broke off");
    }
  }
}
