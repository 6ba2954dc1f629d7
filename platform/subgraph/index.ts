export { defineSubgraph, type AnySubgraphModule, type SubgraphModule, type SubgraphKit } from "./define.js";
export { subgraphNames, loadSubgraph, loadSubgraphs, SUBGRAPHS_DIR } from "./discover.js";
export { buildSubgraphSchemaFor, printSubgraphSdl } from "./schema.js";
export { composeSupergraph, composeFromSdl, schemaFiles, defaultSubgraphUrl, CompositionError, type ComposedSchemas } from "./compose.js";
