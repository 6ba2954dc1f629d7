export { type Caller, type ClientInfo, anonymousCaller } from "./caller.js";
export * from "./internal-token.js";
export { ACCESS_TOKEN } from "./access-token.js";
