import DataLoader from "dataloader";

import type { LoaderFactory } from "../../../platform/graphql/index.js";
import type { UserSettingsService } from "../users/user-settings.service.js";
import type { DayRate } from "./conversion.js";
import { type ExchangeRateQueries, rateKey } from "./exchange-rate-query.service.js";

/** The caller's base currency (only their own: the key is ignored beyond the caller). */
export const baseCurrencyLoader =
  (settings: UserSettingsService): LoaderFactory<string, string | null> =>
  (caller) =>
    new DataLoader<string, string | null, string>(async (userIds) => {
      if (!caller.userId) return userIds.map(() => null);
      const [row] = await settings.find([caller.userId]);
      return userIds.map((id) => (id === caller.userId ? (row?.baseCurrency ?? null) : null));
    });

/** Day rates keyed "YYYY-MM-DD|FROM|TO" for a whole page in one statement. */
export const dayRateLoader =
  (rates: ExchangeRateQueries): LoaderFactory<string, DayRate | null> =>
  (caller) =>
    new DataLoader<string, DayRate | null, string>(async (keys) => {
      if (!caller.userId) return keys.map(() => null);
      const found = await rates.lookup(
        caller.userId,
        keys.map((k) => {
          const [date, from, to] = k.split("|");
          return { date: date!, from: from!, to: to! };
        }),
      );
      return keys.map((k) => found.get(k) ?? null);
    });

export { rateKey };
