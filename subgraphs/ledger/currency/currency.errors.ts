import { ClientError } from "../../../platform/errors/index.js";

/** A conversion needs the day's rate; the ledger reports the gap instead of guessing from another day. */
export const exchangeRateMissing = (date: string, from: string, to: string) =>
  new ClientError("EXCHANGE_RATE_MISSING", `no ${from}→${to} exchange rate for ${date}; add it with setExchangeRates`, { date, from, to });

/** The base currency arrives from identity's events; until then nothing can be shown in it. */
export const baseCurrencyUnknown = () =>
  new ClientError("BASE_CURRENCY_UNKNOWN", "your base currency is not known to the ledger yet; try again shortly");
