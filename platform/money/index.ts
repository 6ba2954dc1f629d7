export * from "./money.js";
export { MoneyInput, MoneyType } from "./money.type.js";
