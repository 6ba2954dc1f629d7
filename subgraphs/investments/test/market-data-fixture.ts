import pg from "pg";
import { pino } from "pino";
import type { DataSource } from "typeorm";

import { type DatabaseProvider, PgliteDatabaseProvider, PostgresDatabaseProvider } from "../../../platform/db/index.js";
import { Outbox } from "../../../platform/events/index.js";
import { realServices, uniqueSuffix } from "../../../platform/testing/services.js";
import { type Clock, randomIds } from "../../../platform/time/index.js";
import { FxService } from "../fx/fx.service.js";
import { MarketData1796540000100 } from "../migrations/1796540000100-market-data.js";
import { PriceEvents } from "../prices/price.events.js";
import { PriceService } from "../prices/price.service.js";
import { SecurityEntity } from "../securities/security.entity.js";
import { SecurityService } from "../securities/security.service.js";

export const silent = pino({ level: "silent" });

export interface MarketDataDatabase {
  dataSource: DataSource;
  securities: SecurityService;
  prices: PriceService;
  fx: FxService;
  events: PriceEvents;
  /** The outbox's PricesUpdated payloads, oldest first. */
  priceEvents(): Promise<
    Array<{ key: string; data: { securityIds: string[]; userId: string | null; dates: { from: string; to: string } } }>
  >;
  close(): Promise<void>;
}

/**
 * The investments schema with market data's migration only (the platform adds its own tables), and
 * its services, without the rest of the supergraph. On real PostgreSQL it gets a database of its
 * own, dropped afterwards: the run's database holds the complete investments schema of the
 * gateway tests, whose migrations must find it untouched.
 */
export async function openMarketData(kind: "postgres" | "pglite", clock: Clock): Promise<MarketDataDatabase> {
  let database: DatabaseProvider;
  let dropDatabase = async () => {};
  if (kind === "postgres") {
    const runUrl = realServices().databaseUrl;
    const url = new URL(runUrl);
    const name = `${url.pathname.slice(1)}_market_${uniqueSuffix()}`;
    url.pathname = `/${name}`;
    database = new PostgresDatabaseProvider(url.toString());
    dropDatabase = async () => {
      const admin = new pg.Client({ connectionString: runUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    database = await PgliteDatabaseProvider.create();
  }
  const { dataSource } = await database.open("investments", { entities: [SecurityEntity], migrations: [MarketData1796540000100] });
  const outbox = new Outbox("investments", clock, randomIds);
  const securities = new SecurityService(dataSource, clock, randomIds);
  const events = new PriceEvents(outbox);
  return {
    dataSource,
    securities,
    prices: new PriceService(dataSource, clock, securities, events),
    fx: new FxService(dataSource, clock),
    events,
    priceEvents: async () =>
      (await dataSource.query(`SELECT key, envelope FROM investments.outbox WHERE type = 'PricesUpdated' ORDER BY seq`)).map(
        (r: { key: string; envelope: { data: never } }) => ({ key: r.key, data: r.envelope.data }),
      ),
    close: async () => {
      await database.close();
      await dropDatabase();
    },
  };
}

/** "CODE:field" of a failed promise, "OK" otherwise. */
export const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (e: { extensions?: { code?: string; field?: string } }) => `${e.extensions?.code}:${e.extensions?.field}`,
  );
