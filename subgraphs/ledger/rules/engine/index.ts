/** Pure transaction-rule engine: no database, no GraphQL. Validate on write, compile per batch, apply per row. */
export { validateRule, compileRules, type CompiledRules, type CompiledRule } from "./rule.compile.js";
export { applyRules } from "./rule.apply.js";
export { RULE_LIMITS } from "./rule.limits.js";
export type {
  TextOperator,
  TextCondition,
  RuleConditions,
  RuleActions,
  RuleDefinition,
  RuleSubject,
  RuleOutcome,
} from "./rule.types.js";
