/**
 * Request limits for the public gateway: parse-time token cap, validation rules (depth, aliases,
 * root fields, cost, introspection) and the request-time cost check with real variables.
 */
export {
  DEFAULT_OPERATION_LIMITS,
  OPERATION_LIMITS_ENV,
  loadOperationLimits,
  parseOptionsFor,
  type OperationLimits,
} from "./limits.config.js";
export {
  aliasLimitRule,
  depthLimitRule,
  noIntrospectionRule,
  operationLimitRules,
  rootFieldLimitRule,
} from "./validation-rules.js";
export {
  LIST_SIZE_ARGUMENTS,
  checkOperationCost,
  costLimitRule,
  operationCost,
  type CostLimits,
  type ListSizeLimits,
  type OperationCostOptions,
} from "./cost.js";
export { operationShapes, type OperationShape } from "./operation-shape.js";
export {
  LimitErrorCode,
  aliasLimitError,
  costLimitError,
  depthLimitError,
  introspectionDisabledError,
  refineLimitError,
  refineParseError,
  restoreLimitCode,
  rootFieldLimitError,
  tokenLimitError,
} from "./errors.js";

