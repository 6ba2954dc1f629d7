export {
  createRequestContext,
  type RequestContext,
  requireOwnUser,
  requireSessionUserId,
  requireUserId,
  resolveOwnUserReference,
} from "./context.js";
export { type DatedCursor, decodeDatedCursor, encodeDatedCursor } from "./dated-cursor.js";
export {
  buildFederatedSchema,
  type FederatedSchema,
  type FederatedSchemaOptions,
  FEDERATION_LINK,
  type ReferenceResolvers,
} from "./federation.js";
export { givenFields } from "./inputs.js";
export { LIVE_SPEC_URL, liveDirective, type LiveOptions, servedByGateway } from "./live.js";
export { keyedLoader, type LoaderFactory, LoaderRegistry } from "./loaders.js";
export { PageInfo } from "./page-info.js";
export { resolveThroughLoader } from "./reference.js";
export { scopes } from "./scopes.js";
