import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  getOperationAST,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode,
} from "graphql";

import type { ClientError } from "../../platform/errors/errors.js";
import { indexDocument, saturate } from "./document-index.js";
import { costLimitError } from "./errors.js";
import type { OperationLimits } from "./limits.config.js";
import { isIntrospectionField } from "./operation-shape.js";

/** Arguments whose integer value is taken as the number of items a list field returns. */
export const LIST_SIZE_ARGUMENTS: ReadonlySet<string> = new Set(["first", "last", "limit"]);

export type ListSizeLimits = Pick<OperationLimits, "defaultListSize" | "maxListSize">;
export type CostLimits = Pick<OperationLimits, "maxCost" | "defaultListSize" | "maxListSize">;

export interface OperationCostOptions {
  /** As sent by the client; picks the operation of a multi-operation document. */
  operationName?: string | null;
  /** Raw request variables (Apollo's `request.variables`); omitted = none sent. */
  variables?: Readonly<Record<string, unknown>> | null;
  limits: ListSizeLimits;
}

/**
 * Estimated number of fields resolved: each field costs 1 and a list field multiplies its
 * children's cost by its list size, which is the largest `first`/`last`/`limit` argument (literal,
 * variable, the variable's declared default, else the argument's schema default), else
 * `defaultListSize`, and at most `maxListSize`. `__typename` is free; introspection fields cost 1;
 * fields unknown to the schema cost nothing (validation reports them). Fragments on abstract types
 * are all added up, an upper bound. Returns 0 when `operationName` picks no operation.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, options: OperationCostOptions): number {
  const operation = getOperationAST(document, options.operationName ?? undefined);
  if (!operation) return 0;
  const walker = new CostWalker(schema, options.limits, operation, options.variables ?? {});
  walker.measureFragments(document);
  return walker.operationCost(operation);
}

/**
 * The request-time check, with the variables the client sent (call it from a plugin's
 * `didResolveOperation`, before the gateway plans anything). Returns the `COST_LIMIT_EXCEEDED`
 * error to throw, with `{ cost, limit }`, or null when the operation fits.
 */
export function checkOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: Omit<OperationCostOptions, "limits"> & { limits: CostLimits },
): ClientError | null {
  const cost = operationCost(schema, document, options);
  return cost > options.limits.maxCost ? costLimitError(cost, options.limits.maxCost) : null;
}

/**
 * Refuses each operation whose cost exceeds `maxCost` with variables unknown: a size given by a
 * variable counts as if the argument were absent. Apollo caches a document once it validates, so
 * `checkOperationCost` must still run per request with the real variables.
 */
export function costLimitRule(limits: CostLimits): ValidationRule {
  return (context) => ({
    Document(document) {
      const walker = new CostWalker(context.getSchema(), limits, undefined, undefined);
      walker.measureFragments(document);
      for (const operation of indexDocument(document).operations) {
        const cost = walker.operationCost(operation);
        if (cost > limits.maxCost) context.reportError(costLimitError(cost, limits.maxCost));
      }
      return false;
    },
  });
}

class CostWalker {
  /** Cost of fragments already measured; a missing one is unknown or closes a cycle. */
  private readonly fragments = new Map<string, number>();
  /** Fragment definitions, re-walked when spread inside a sized connection. */
  private readonly fragmentNodes = new Map<string, FragmentDefinitionNode>();
  private readonly visiting = new Set<string>();
  /** Declared integer defaults of the operation's variables, built on first need. */
  private variableDefaults: Map<string, number> | undefined;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: ListSizeLimits,
    private readonly operation: OperationDefinitionNode | undefined,
    /** undefined while validating: values are not known yet. */
    private readonly variables: Readonly<Record<string, unknown>> | undefined,
  ) {}

  measureFragments(document: DocumentNode): void {
    for (const fragment of indexDocument(document).fragmentOrder) {
      this.fragmentNodes.set(fragment.name.value, fragment);
      const type = this.schema.getType(fragment.typeCondition.name.value);
      this.fragments.set(fragment.name.value, isCompositeType(type) ? this.selectionCost(fragment.selectionSet, type) : 0);
    }
  }

  operationCost(operation: OperationDefinitionNode): number {
    const root = this.schema.getRootType(operation.operation);
    return root ? this.selectionCost(operation.selectionSet, root) : 0;
  }

  /** `sliceSize`: the size a connection field asked for, which its own list fields (edges, nodes) return. */
  private selectionCost(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, sliceSize?: number): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += this.fieldCost(selection, parent, sliceSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition === undefined ? parent : this.schema.getType(selection.typeCondition.name.value);
        if (isCompositeType(type)) cost += this.selectionCost(selection.selectionSet, type, sliceSize);
      } else if (sliceSize === undefined) {
        cost += this.fragments.get(selection.name.value) ?? 0;
      } else {
        cost += this.slicedFragmentCost(selection.name.value, sliceSize);
      }
    }
    return saturate(cost);
  }

  /** A fragment spread inside a connection: measured again with the connection's size. */
  private slicedFragmentCost(name: string, sliceSize: number): number {
    const fragment = this.fragmentNodes.get(name);
    if (fragment === undefined || this.visiting.has(name)) return 0;
    const type = this.schema.getType(fragment.typeCondition.name.value);
    if (!isCompositeType(type)) return 0;
    this.visiting.add(name);
    try {
      return this.selectionCost(fragment.selectionSet, type, sliceSize);
    } finally {
      this.visiting.delete(name);
    }
  }

  private fieldCost(node: FieldNode, parent: GraphQLCompositeType, sliceSize?: number): number {
    const name = node.name.value;
    if (name === "__typename") return 0;
    if (isIntrospectionField(name)) return 1;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const field = parent.getFields()[name];
    if (field === undefined) return 0;
    if (node.selectionSet === undefined) return 1;
    const type = getNamedType(field.type);
    if (!isCompositeType(type)) return 1;
    if (isListType(getNullableType(field.type))) {
      return 1 + this.listSize(node, field, sliceSize) * this.selectionCost(node.selectionSet, type);
    }
    // A connection (an object field with a size argument, as Relay's `first`): its size is what
    // its list fields return, as @listSize(slicingArguments, sizedFields) would declare.
    const slice = hasSizeArgument(field) ? this.listSize(node, field, undefined) : undefined;
    return 1 + this.selectionCost(node.selectionSet, type, slice);
  }

  private listSize(node: FieldNode, field: GraphQLField<unknown, unknown>, sliceSize: number | undefined): number {
    let size = -1;
    if (node.arguments !== undefined) {
      for (const argument of node.arguments) {
        if (!LIST_SIZE_ARGUMENTS.has(argument.name.value)) continue;
        const value = this.sizeValue(argument.value);
        if (value > size) size = value;
      }
    }
    if (size < 0) {
      for (const argument of field.args) {
        if (LIST_SIZE_ARGUMENTS.has(argument.name) && isSize(argument.defaultValue) && argument.defaultValue > size) {
          size = argument.defaultValue;
        }
      }
    }
    if (size < 0) size = sliceSize ?? this.limits.defaultListSize;
    return size > this.limits.maxListSize ? this.limits.maxListSize : size;
  }

  /**
   * The size a value asks for, or -1 when unknown or unusable: a negative or non-integer size is
   * refused by the resolver, and must not make the list look free.
   */
  private sizeValue(value: ValueNode): number {
    if (value.kind === Kind.INT) return sizeOf(Number(value.value));
    if (value.kind !== Kind.VARIABLE || this.variables === undefined) return -1;
    const name = value.name.value;
    if (Object.hasOwn(this.variables, name)) return sizeOf(this.variables[name]);
    return this.declaredDefault(name);
  }

  private declaredDefault(name: string): number {
    if (this.variableDefaults === undefined) {
      this.variableDefaults = new Map();
      for (const definition of this.operation?.variableDefinitions ?? []) {
        const value = definition.defaultValue;
        if (value?.kind === Kind.INT) this.variableDefaults.set(definition.variable.name.value, sizeOf(Number(value.value)));
      }
    }
    return this.variableDefaults.get(name) ?? -1;
  }
}

function hasSizeArgument(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((argument) => LIST_SIZE_ARGUMENTS.has(argument.name));
}

function isSize(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function sizeOf(value: unknown): number {
  return isSize(value) ? value : -1;
}
