export { boot } from "./boot.js";
export { createPlatform, type Platform, type PlatformOptions } from "./platform.js";
export { type RunningSubgraphs, startAllSubgraphs } from "./start-all.js";
export { type RunningSubgraph, startSubgraph } from "./start-subgraph.js";
