/** Pure transaction-rule engine: no database, no GraphQL. Validate on write, compile per batch, apply per row. */
export { applyRules } from "./rule.apply.js";
export { type CompiledRule, type CompiledRules, compileRules, validateRule } from "./rule.compile.js";
export { RULE_LIMITS } from "./rule.limits.js";
export type { RuleActions, RuleConditions, RuleDefinition, RuleOutcome, RuleSubject, TextCondition, TextOperator } from "./rule.types.js";
