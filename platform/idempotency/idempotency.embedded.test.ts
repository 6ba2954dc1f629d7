import { PgliteDatabaseProvider } from "../db/database.js";
import { describeIdempotencyContract } from "./idempotency.contract.js";

// Embedded mode: in-memory PGlite.
describeIdempotencyContract("PGlite", () => PgliteDatabaseProvider.create());
