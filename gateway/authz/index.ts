/**
 * Gateway enforcement of federation's `@authenticated` and `@requiresScopes` (which
 * `@apollo/gateway` ignores), with Apollo Router's semantics: fields a caller may not see are
 * removed before planning and come back as `null` with an error each: UNAUTHENTICATED ("sign in
 * required") when no one signed in, FORBIDDEN when the credential lacks a scope.
 *
 * - `extractRequirements(supergraphSdl)`: requirements per `Type.field` / `Type`, once per supergraph.
 * - `filterOperation(apiSchema, document, operationName, requirements, caller)`: the operation to
 *   execute and the denied fields (the original document when nothing is denied).
 * - `applyDenials(result, denied, signedIn)` / `nullDeniedFields(data, denied)`: nulls and errors in the result.
 * - `signInFieldsOf(schema, operation)`: a mutation made of sign-ins only (register, login, ...) is
 *   filtered for the session it opens, since its payload resolves as the new user.
 * - `authorizeGateway(gateway)`: all of the above around `@apollo/gateway`'s executor; build that
 *   gateway from `supergraphForGateway(sdl)`, since `@apollo/gateway` refuses to load a supergraph
 *   with security features it does not enforce itself.
 *
 * @module
 */
export { type AuthorizedGatewayOptions, authorizeGateway, filteredQueryHash, supergraphForGateway } from "./authorized-gateway.js";
export {
  denialOf,
  type DeniedField,
  type FieldShape,
  type FilterResult,
  FORBIDDEN_CODE,
  FORBIDDEN_MESSAGE,
  PLACEHOLDER_KEY,
  UNAUTHENTICATED_CODE,
  UNAUTHENTICATED_MESSAGE,
  UnauthorizedFieldError,
} from "./denials.js";
export { filterOperation } from "./operation-filter.js";
export { applyDenials, nullDeniedFields, type PatchedData, type ResponsePath } from "./patch.js";
export {
  ALL_SCOPES,
  type AuthRequirements,
  type AuthzCaller,
  combineRequirements,
  extractRequirements,
  isAllowed,
  type Requirement,
} from "./requirements.js";
export { SIGN_IN_PAYLOAD_TYPE, signInFieldsOf, SIGNING_IN } from "./sign-in.js";
