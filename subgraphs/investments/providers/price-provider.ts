/** One day's close as a feed publishes it. */
export interface ProviderClose {
  /** YYYY-MM-DD. */
  date: string;
  /** Plain positive decimal, as published ("189.4512"): never a float. */
  close: string;
  /** ISO-4217 when the feed says; otherwise the security's own currency is assumed by the caller. */
  currency?: string;
}

/** A source of daily closes (an HTTP API); one implementation per feed. */
export interface PriceProvider {
  readonly name: string;
  /** Closes for `from`..`to` (YYYY-MM-DD, inclusive), oldest first; throws a PriceProviderError when it cannot tell. */
  dailyCloses(providerSymbol: string, from: string, to: string): Promise<ProviderClose[]>;
}

export type PriceProviderFailure =
  /** No answer within the timeout. */
  | "TIMEOUT"
  /** No connection (DNS, refused, reset). */
  | "UNREACHABLE"
  /** An HTTP status other than 2xx. */
  | "HTTP_STATUS"
  /** The feed says it has nothing for the symbol and days (or answered with nothing). */
  | "NO_DATA"
  /** An answer that is not the expected CSV: an HTML page, a quota message. */
  | "NOT_CSV"
  /** CSV whose dates or closes cannot be read. */
  | "MALFORMED"
  | "TOO_LARGE";

/** Why a feed gave no usable closes; the refresh job logs it and tries again later. */
export class PriceProviderError extends Error {
  override name = "PriceProviderError";
  constructor(
    readonly provider: string,
    readonly failure: PriceProviderFailure,
    message: string,
  ) {
    super(`${provider}: ${message}`);
  }
}
