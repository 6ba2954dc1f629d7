import { type PriceProvider, PriceProviderError, type ProviderClose } from "./price-provider.js";
import { parseStooqCsv } from "./stooq-csv.js";

export interface StooqOptions {
  /** `https://stooq.com/q/d/l/`, or a stand-in (a test server, a caching proxy). */
  baseUrl: string;
  timeoutMs: number;
  /** Largest answer read; a daily history of decades is well under it. */
  maxBytes?: number;
}

const compact = (date: string) => date.replaceAll("-", "");

/**
 * Stooq's free daily history: `GET <base>?s=<symbol>&i=d&d1=YYYYMMDD&d2=YYYYMMDD` answers CSV.
 * Symbols are Stooq's own ("aapl.us", "vwce.de", "btcusd"). Stooq publishes no currency: the
 * security's own is assumed, which is why only securities an operator mapped are refreshed.
 */
export class StooqPriceProvider implements PriceProvider {
  readonly name = "stooq";

  constructor(private readonly options: StooqOptions) {}

  async dailyCloses(providerSymbol: string, from: string, to: string): Promise<ProviderClose[]> {
    const url = new URL(this.options.baseUrl);
    url.searchParams.set("s", providerSymbol.toLowerCase());
    url.searchParams.set("i", "d");
    url.searchParams.set("d1", compact(from));
    url.searchParams.set("d2", compact(to));
    const body = await this.get(url, providerSymbol);
    return parseStooqCsv(body, from, to, this.name);
  }

  private async get(url: URL, symbol: string): Promise<string> {
    const fail = (failure: "TIMEOUT" | "UNREACHABLE" | "HTTP_STATUS" | "TOO_LARGE", message: string) =>
      new PriceProviderError(this.name, failure, `${symbol}: ${message}`);
    // One signal for the whole exchange: connecting, headers and the body.
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const response = await fetch(url, { signal, headers: { accept: "text/csv, text/plain" }, redirect: "follow" });
      if (!response.ok) {
        await response.body?.cancel();
        throw fail("HTTP_STATUS", `answered HTTP ${response.status}`);
      }
      const max = this.options.maxBytes ?? 5_000_000;
      if (Number(response.headers.get("content-length") ?? 0) > max) {
        await response.body?.cancel();
        throw fail("TOO_LARGE", `answer longer than ${max} bytes`);
      }
      const body = await response.text();
      if (body.length > max) throw fail("TOO_LARGE", `answer longer than ${max} bytes`);
      return body;
    } catch (error) {
      if (error instanceof PriceProviderError) throw error;
      if (signal.aborted) throw fail("TIMEOUT", `no answer within ${this.options.timeoutMs} ms`);
      throw fail("UNREACHABLE", (error as Error).message);
    }
  }
}
