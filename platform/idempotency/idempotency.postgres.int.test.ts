import { PostgresDatabaseProvider } from "../db/database.js";
import { realServices } from "../testing/services.js";
import { describeIdempotencyContract } from "./idempotency.contract.js";

// Production mode: real PostgreSQL.
describeIdempotencyContract("PostgreSQL", async () => new PostgresDatabaseProvider(realServices().databaseUrl));
