export { createPlatform, type Platform, type PlatformOptions } from "./platform.js";
export { startSubgraph, type RunningSubgraph } from "./start-subgraph.js";
export { startAllSubgraphs, type RunningSubgraphs } from "./start-all.js";
export { boot } from "./boot.js";
