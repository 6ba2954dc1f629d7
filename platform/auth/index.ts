export { type Caller, anonymousCaller } from "./caller.js";
export * from "./internal-token.js";
