import { pino } from "pino";
import { vi } from "vitest";

import { PgliteDatabaseProvider } from "../db/database.js";
import { describeEventsContract } from "./events.contract.js";
import { MemoryEventBus } from "./memory-bus.js";

// Starting PGlite (initdb in WASM) and migrating takes seconds, more when other test files share the CPU.
vi.setConfig({ hookTimeout: 60_000 });

// Embedded mode: in-memory PGlite and the in-process bus.
describeEventsContract("in-process bus on PGlite", async () => {
  const database = await PgliteDatabaseProvider.create();
  const bus = new MemoryEventBus(pino({ level: "silent" }));
  return {
    bus,
    database,
    close: async () => {
      await bus.close();
      await database.close();
    },
  };
});
