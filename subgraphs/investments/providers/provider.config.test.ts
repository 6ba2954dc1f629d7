import { describe, expect, it } from "vitest";

import { loadPriceProviderConfig, STOOQ_URL } from "./provider.config.js";

describe("price provider settings", () => {
  it("default to Stooq, hourly refreshes and an hour's wait after a failure", () => {
    expect(loadPriceProviderConfig({})).toEqual({ url: STOOQ_URL, timeoutMs: 15_000, refreshEveryMinutes: 60, retryAfterMinutes: 60 });
    expect(loadPriceProviderConfig({ PRICE_PROVIDER_URL: "http://127.0.0.1:9999/q/d/l/", PRICE_REFRESH_EVERY_MINUTES: "0" })).toMatchObject(
      {
        url: "http://127.0.0.1:9999/q/d/l/",
        refreshEveryMinutes: 0,
      },
    );
  });

  it("refuse what cannot work, naming the setting", () => {
    expect(() => loadPriceProviderConfig({ PRICE_PROVIDER_URL: "ftp://example.com/" })).toThrow(/PRICE_PROVIDER_URL/);
    expect(() => loadPriceProviderConfig({ PRICE_PROVIDER_URL: "not a url" })).toThrow(/PRICE_PROVIDER_URL/);
    expect(() => loadPriceProviderConfig({ PRICE_PROVIDER_TIMEOUT_MS: "5" })).toThrow(/PRICE_PROVIDER_TIMEOUT_MS/);
  });
});
