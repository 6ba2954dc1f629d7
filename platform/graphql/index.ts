export { type RequestContext, createRequestContext, requireUserId, requireSessionUserId, requireOwnUser, resolveOwnUserReference } from "./context.js";
export { givenFields } from "./inputs.js";
export { LoaderRegistry, keyedLoader, type LoaderFactory } from "./loaders.js";
export { buildFederatedSchema, FEDERATION_LINK, type FederatedSchema, type FederatedSchemaOptions, type ReferenceResolvers } from "./federation.js";
export { scopes } from "./scopes.js";
export { resolveThroughLoader } from "./reference.js";
export { liveDirective, servedByGateway, LIVE_SPEC_URL, type LiveOptions } from "./live.js";
