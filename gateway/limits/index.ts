/**
 * Request limits for the public gateway: parse-time token cap, validation rules (depth, aliases,
 * root fields, cost, introspection) and the request-time cost check with real variables.
 */
export {
  checkOperationCost,
  costLimitRule,
  type CostLimits,
  LIST_SIZE_ARGUMENTS,
  type ListSizeLimits,
  operationCost,
  type OperationCostOptions,
} from "./cost.js";
export {
  aliasLimitError,
  costLimitError,
  depthLimitError,
  introspectionDisabledError,
  LimitErrorCode,
  refineLimitError,
  refineParseError,
  restoreLimitCode,
  rootFieldLimitError,
  tokenLimitError,
} from "./errors.js";
export {
  DEFAULT_OPERATION_LIMITS,
  loadOperationLimits,
  OPERATION_LIMITS_ENV,
  type OperationLimits,
  parseOptionsFor,
} from "./limits.config.js";
export { type OperationShape, operationShapes } from "./operation-shape.js";
export { aliasLimitRule, depthLimitRule, noIntrospectionRule, operationLimitRules, rootFieldLimitRule } from "./validation-rules.js";
