import { BREAK, type ValidationRule } from "graphql";

import type { ClientError } from "../../platform/errors/errors.js";
import { costLimitRule } from "./cost.js";
import { aliasLimitError, depthLimitError, introspectionDisabledError, rootFieldLimitError } from "./errors.js";
import type { OperationLimits } from "./limits.config.js";
import { isIntrospectionField, type OperationShape, operationShapes } from "./operation-shape.js";

// The three shape rules read one memoised walk of the document (see operationShapes), and skip
// graphql-js's own traversal by returning false from Document.
function shapeRule(
  limit: number,
  figure: (shape: OperationShape) => number,
  error: (actual: number, limit: number) => ClientError,
): ValidationRule {
  return (context) => ({
    Document(document) {
      for (const shape of operationShapes(document).values()) {
        const actual = figure(shape);
        if (actual > limit) context.reportError(error(actual, limit));
      }
      return false;
    },
  });
}

/** Refuses operations nested deeper than `maxDepth` field levels (`DEPTH_LIMIT_EXCEEDED`). */
export const depthLimitRule = (maxDepth: number): ValidationRule => shapeRule(maxDepth, (shape) => shape.depth, depthLimitError);

/** Refuses operations with more than `maxAliases` aliases, per spread of each fragment (`ALIAS_LIMIT_EXCEEDED`). */
export const aliasLimitRule = (maxAliases: number): ValidationRule => shapeRule(maxAliases, (shape) => shape.aliases, aliasLimitError);

/** Refuses operations with more than `maxRootFields` top-level fields (`ROOT_FIELD_LIMIT_EXCEEDED`). */
export const rootFieldLimitRule = (maxRootFields: number): ValidationRule =>
  shapeRule(maxRootFields, (shape) => shape.rootFields, rootFieldLimitError);

/**
 * Refuses `__schema` and `__type` wherever they appear: under an alias, in a fragment (even one
 * named `__schema`), in an inline fragment. Matches the field name, never the alias, so
 * `__typename` and `__schema: __typename` stay allowed. One error per document.
 */
export const noIntrospectionRule: ValidationRule = (context) => ({
  Field(node) {
    if (!isIntrospectionField(node.name.value)) return undefined;
    context.reportError(introspectionDisabledError());
    return BREAK;
  },
});

/**
 * Every limit checked at validation, cost with variables unknown; pair with `checkOperationCost`
 * per request and `parseOptionsFor` at parse time.
 */
export function operationLimitRules(limits: OperationLimits, options: { introspection: boolean }): ValidationRule[] {
  const rules = [
    depthLimitRule(limits.maxDepth),
    aliasLimitRule(limits.maxAliases),
    rootFieldLimitRule(limits.maxRootFields),
    costLimitRule(limits),
  ];
  if (!options.introspection) rules.push(noIntrospectionRule);
  return rules;
}
