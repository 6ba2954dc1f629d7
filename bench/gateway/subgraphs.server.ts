/**
 * Every subgraph in one process for the gateway benchmark: embedded PGlite in memory, or real
 * PostgreSQL when DATABASE_URL is set. Internal keys come from the parent through the environment.
 */
import "reflect-metadata";

import { pino } from "pino";

import { loadConfig } from "../../platform/config/index.js";
import { startAllSubgraphs } from "../../platform/runtime/index.js";
import { serveChild } from "./child.js";

serveChild(async () => {
  const config = { ...loadConfig(process.env, { memory: !process.env.DATABASE_URL }), host: "127.0.0.1" };
  const all = await startAllSubgraphs(config, { logger: pino({ level: process.env.LOG_LEVEL ?? "warn" }), randomPorts: true });
  return { info: { urls: all.urls }, close: () => all.close() };
});
