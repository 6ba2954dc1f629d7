import type { EntityManager } from "typeorm";

import { resolveThroughLoader } from "../../platform/graphql/index.js";
import type { SubgraphKit } from "../../platform/subgraph/index.js";
import { FxRateResolver } from "./fx/fx.resolver.js";
import { FxService } from "./fx/fx.service.js";
import type { MarketDataDeps } from "./market-data.deps.js";
import { PriceEvents } from "./prices/price.events.js";
import { priceOnLoader, pricesBetweenLoader } from "./prices/price.loaders.js";
import { PriceResolver, SecurityPriceResolver } from "./prices/price.resolver.js";
import { PriceService } from "./prices/price.service.js";
import { PriceRefreshJob } from "./prices/price-refresh.job.js";
import type { PriceProvider } from "./providers/price-provider.js";
import { loadPriceProviderConfig } from "./providers/provider.config.js";
import { StooqPriceProvider } from "./providers/stooq.provider.js";
import { SecurityEntity } from "./securities/security.entity.js";
import { securityByIdLoader } from "./securities/security.loaders.js";
import { SecurityResolver } from "./securities/security.resolver.js";
import { SecurityService } from "./securities/security.service.js";
import { Security } from "./securities/security.type.js";

export type { MarketDataDeps, MarketDataLoaders } from "./market-data.deps.js";

export interface MarketDataOptions {
  /** Settings (PRICE_PROVIDER_URL, ...); the process environment by default. */
  env?: NodeJS.ProcessEnv;
  /** Replaces the configured feed (tests). */
  provider?: PriceProvider;
}

/**
 * Securities, prices, FX rates and the daily price refresh, built once for the investments
 * subgraph; the refresh starts here (PRICE_REFRESH_EVERY_MINUTES, 0 = off) and stops in
 * closeMarketData.
 */
export function createMarketData(kit: SubgraphKit, options: MarketDataOptions = {}): MarketDataDeps {
  const { dataSource, outbox, clock, ids } = kit;
  const config = loadPriceProviderConfig(options.env);
  const securities = new SecurityService(dataSource, clock, ids);
  const events = new PriceEvents(outbox);
  const prices = new PriceService(dataSource, clock, securities, events);
  const provider = options.provider ?? new StooqPriceProvider({ baseUrl: config.url, timeoutMs: config.timeoutMs });
  const priceRefresh = new PriceRefreshJob(dataSource, clock, provider, prices, events, kit.logger.child({ job: "price-refresh" }), {
    retryAfterMs: config.retryAfterMinutes * 60_000,
    leaseMs: config.timeoutMs + 60_000,
  });
  if (config.refreshEveryMinutes > 0) priceRefresh.start(config.refreshEveryMinutes * 60_000);
  return {
    clock,
    securities,
    prices,
    fx: new FxService(dataSource, clock),
    priceRefresh,
    loaders: {
      security: securityByIdLoader(securities),
      priceOn: priceOnLoader(prices, dataSource),
      pricesBetween: pricesBetweenLoader(prices),
    },
  };
}

/** For `resolvers` in subgraph.ts. */
export const marketDataResolvers = [SecurityResolver, SecurityPriceResolver, PriceResolver, FxRateResolver] as const;

/** For `entities` in subgraph.ts (prices and rates are read and written in SQL only). */
export const marketDataEntities = [SecurityEntity] as const;

/** For `references` in subgraph.ts: a Security resolves for anyone signed in when shared, for its owner when theirs. */
export const marketDataReferences = (deps: MarketDataDeps) => ({
  Security: resolveThroughLoader(deps.loaders.security, Security.from),
});

/** In the UserDeleted consumer, after whatever references the user's securities (holdings, trades) is gone. */
export async function purgeMarketDataUser(deps: MarketDataDeps, manager: EntityManager, userId: string): Promise<void> {
  await deps.prices.purgeUser(manager, userId);
  await deps.fx.purgeUser(manager, userId);
  await deps.securities.purgeUser(manager, userId);
}

/** In `close` of subgraph.ts: lets a refresh under way finish. */
export async function closeMarketData(deps: MarketDataDeps): Promise<void> {
  await deps.priceRefresh.stop();
}
