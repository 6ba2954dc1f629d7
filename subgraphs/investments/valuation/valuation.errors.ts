import { badInput, ClientError } from "../../../platform/errors/index.js";

/** A held security has no close on or before the day: reported, never guessed from another day or a trade. */
export const priceMissing = (date: string, securityId: string, symbol: string) =>
  new ClientError("PRICE_MISSING", `no price for ${symbol} on or before ${date}; add one with setPrices or importPrices`, {
    date,
    securityId,
    symbol,
  });

/** As the ledger reports it: the conversion needs a rate on or before the day. */
export const exchangeRateMissing = (date: string, from: string, to: string) =>
  new ClientError("EXCHANGE_RATE_MISSING", `no ${from}→${to} exchange rate on or before ${date}; add it with setFxRates`, {
    date,
    from,
    to,
  });

/** The base currency arrives from identity's events; until then nothing can be shown in it. */
export const baseCurrencyUnknown = () =>
  new ClientError("BASE_CURRENCY_UNKNOWN", "your base currency is not known to investments yet; try again shortly");

export const rangeTooLong = (field: string, max: string) => badInput(`the range may span at most ${max}`, { field });
