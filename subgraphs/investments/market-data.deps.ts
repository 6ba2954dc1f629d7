import type { LoaderFactory } from "../../platform/graphql/index.js";
import type { Clock } from "../../platform/time/index.js";
import type { FxService } from "./fx/fx.service.js";
import type { PriceOn, PriceSeries, PriceService } from "./prices/price.service.js";
import type { PriceRefreshJob } from "./prices/price-refresh.job.js";
import type { SecurityEntity } from "./securities/security.entity.js";
import type { SecurityService } from "./securities/security.service.js";

/** Market data's per-request loaders, each scoped to what the caller sees in SQL. */
export interface MarketDataLoaders {
  /** id → a shared security or the caller's own. */
  security: LoaderFactory<string, SecurityEntity | null>;
  /** "securityId|YYYY-MM-DD" → the latest close on or before that day. */
  priceOn: LoaderFactory<string, PriceOn | null>;
  /** "securityId|from|to" → the closes of those days. */
  pricesBetween: LoaderFactory<string, PriceSeries | null>;
}

/**
 * What market data's resolvers are built from: the investments subgraph's deps include all of it
 * (its loaders extend MarketDataLoaders), so these resolvers take the whole deps object.
 */
export interface MarketDataDeps {
  clock: Clock;
  securities: SecurityService;
  prices: PriceService;
  fx: FxService;
  /** Daily refresh of shared securities from the feed; stopped by closeMarketData. */
  priceRefresh: PriceRefreshJob;
  loaders: MarketDataLoaders;
}
