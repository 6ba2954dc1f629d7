export { ACCESS_TOKEN } from "./access-token.js";
export { anonymousCaller, type Caller, type ClientInfo } from "./caller.js";
export * from "./internal-token.js";
export { SIGNED_IN_EXTENSION, signedInCallerOf, type SignedInExtension, signedInExtension } from "./signed-in.js";
