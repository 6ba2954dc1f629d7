export * from "./errors.js";
export { createErrorMasker, type MaskingOptions } from "./masking.js";
