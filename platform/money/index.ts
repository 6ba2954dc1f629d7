export * from "./money.js";
export { MoneyType, MoneyInput } from "./money.type.js";
