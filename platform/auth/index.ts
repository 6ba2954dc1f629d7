export { type Caller, type ClientInfo, anonymousCaller } from "./caller.js";
export * from "./internal-token.js";
export { ACCESS_TOKEN } from "./access-token.js";
export { SIGNED_IN_EXTENSION, signedInCallerOf, signedInExtension, type SignedInExtension } from "./signed-in.js";
