export { type ComposedSchemas, composeFromSdl, composeSupergraph, CompositionError, defaultSubgraphUrl, schemaFiles } from "./compose.js";
export { type AnySubgraphModule, defineSubgraph, type SubgraphKit, type SubgraphModule } from "./define.js";
export { loadSubgraph, loadSubgraphs, subgraphNames, SUBGRAPHS_DIR } from "./discover.js";
export { buildSubgraphSchemaFor, printSubgraphSdl } from "./schema.js";
