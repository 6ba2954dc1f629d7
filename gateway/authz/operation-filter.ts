import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type VariableNode,
  visit,
} from "graphql";

import { type CallerView, compile, type CompiledSchema } from "./compiled-schema.js";
import { type DeniedField, type FieldShape, type FilterResult, PLACEHOLDER_KEY, UnauthorizedFieldError } from "./denials.js";
import type { AuthRequirements, AuthzCaller } from "./requirements.js";

/*
 * The operation side of authorization: removes the fields a caller may not see from one operation
 * (using the lookup compiled-schema.ts builds) and lists each removal for the patcher.
 */

const NO_DENIALS: readonly DeniedField[] = Object.freeze([]);
const PLACEHOLDER_FIELD: FieldNode = Object.freeze({
  kind: Kind.FIELD,
  alias: Object.freeze({ kind: Kind.NAME, value: PLACEHOLDER_KEY }),
  name: Object.freeze({ kind: Kind.NAME, value: "__typename" }),
}) as FieldNode;
/** Filtered documents kept per document; callers differ in few ways, so this rarely fills. */
const MAX_RESULTS_PER_DOCUMENT = 32;
/** Filter results per compiled schema, then per document (both weak: they go when the schema or the document does). */
const resultsByCompiled = new WeakMap<CompiledSchema, WeakMap<DocumentNode, Map<string, FilterResult>>>();

/**
 * Removes the fields the caller may not see from the selected operation, keeping the document
 * valid against `schema` (the client-facing API schema), and lists each removal by response path.
 * Execute the returned document instead of the original and pass `denied` to `applyDenials`.
 *
 * Cheap when nothing applies: no requirement in the schema, a caller allowed everything, or an
 * operation that cannot reach a denied field all return the original document without walking it.
 * Results are cached per (document, operation name, caller's allow/deny pattern).
 *
 * Throws `UnauthorizedFieldError` when a subscription's root field is denied, since no valid
 * operation remains.
 */
export function filterOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  requirements: AuthRequirements,
  caller: AuthzCaller,
): FilterResult {
  const compiled = compile(schema, requirements);
  if (compiled.requirements.length === 0) return { document, denied: NO_DENIALS };
  const view = compiled.viewFor(caller);
  if (view === null) return { document, denied: NO_DENIALS };
  const operation = selectOperation(document, operationName);
  if (!operation) return { document, denied: NO_DENIALS };
  const rootType = schema.getRootType(operation.operation);
  if (!rootType || !view.dirty.has(rootType.name)) return { document, denied: NO_DENIALS };

  let results = resultsByCompiled.get(compiled);
  if (!results) resultsByCompiled.set(compiled, (results = new WeakMap()));
  let perDocument = results.get(document);
  const cacheKey = `${operationName ?? ""}\u0000${view.key}`;
  const cached = perDocument?.get(cacheKey);
  if (cached) return cached;
  const result = new OperationFilter(compiled, view, document, caller.userId !== undefined).run(operation, rootType);
  if (!perDocument) results.set(document, (perDocument = new Map()));
  if (perDocument.size >= MAX_RESULTS_PER_DOCUMENT) perDocument.clear();
  perDocument.set(cacheKey, result);
  return result;
}

function selectOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  let found: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName) {
      if (definition.name?.value === operationName) return definition;
    } else {
      if (found) return undefined; // several operations and no name: execution rejects it anyway
      found = definition;
    }
  }
  return found;
}

const shapes = new WeakMap<GraphQLField<unknown, unknown>, FieldShape>();

function shapeOf(field: GraphQLField<unknown, unknown>): FieldShape {
  let shape = shapes.get(field);
  if (!shape) {
    const flags: boolean[] = [];
    let type: GraphQLOutputType = field.type;
    for (;;) {
      const nonNull = isNonNullType(type);
      if (isNonNullType(type)) type = type.ofType;
      flags.push(nonNull);
      if (!isListType(type)) break;
      type = type.ofType;
    }
    shapes.set(field, (shape = Object.freeze(flags)));
  }
  return shape;
}

interface TransformedSet {
  readonly selectionSet: SelectionSetNode;
  /** A field was removed at this response level (here or in fragments flattened into it). */
  readonly removedHere: boolean;
  readonly empty: boolean;
}

interface RelativeDenial {
  readonly path: readonly string[];
  readonly nonNull: readonly FieldShape[];
  readonly coordinate: string;
  readonly possibleTypes: readonly string[] | null;
}

/** One filtering of one document for one caller view. */
class OperationFilter {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly transformedFragments = new Map<string, TransformedSet | null>();
  private readonly collectedFragments = new Map<string, readonly RelativeDenial[]>();
  private readonly collecting = new Set<string>();

  constructor(
    private readonly compiled: CompiledSchema,
    private readonly view: CallerView,
    private readonly document: DocumentNode,
    private readonly signedIn: boolean,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  run(operation: OperationDefinitionNode, rootType: GraphQLCompositeType): FilterResult {
    const collected: RelativeDenial[] = [];
    this.collect(operation.selectionSet, rootType, rootType, null, collected);
    if (collected.length === 0) return { document: this.document, denied: NO_DENIALS };
    const denied = dedupe(collected);

    if (operation.operation === "subscription") {
      const rootDenial = denied.find((denial) => denial.path.length === 1);
      if (rootDenial) throw new UnauthorizedFieldError(rootDenial.path, this.signedIn);
    }

    const root = this.transform(operation.selectionSet, rootType);
    const selectionSet = root.removedHere && operation.operation !== "subscription" ? withPlaceholder(root) : root.selectionSet;

    const usedFragments = new Set<string>();
    this.reachableFragments(selectionSet, usedFragments);
    const fragmentDefinitions: FragmentDefinitionNode[] = [];
    for (const name of usedFragments) {
      const original = this.fragments.get(name)!;
      const transformed = this.transformedFragments.get(name);
      fragmentDefinitions.push(
        transformed && transformed.selectionSet !== original.selectionSet
          ? { ...original, selectionSet: transformed.selectionSet }
          : original,
      );
    }

    // graphql-js rejects operations with unused variables: drop those only removed fields used.
    let variableDefinitions = operation.variableDefinitions;
    if (variableDefinitions && variableDefinitions.length > 0) {
      const usedVariables = new Set<string>();
      const noteVariables = { Variable: (node: VariableNode) => void usedVariables.add(node.name.value) };
      visit({ ...operation, variableDefinitions: [], selectionSet }, noteVariables);
      for (const fragment of fragmentDefinitions) visit(fragment, noteVariables);
      variableDefinitions = variableDefinitions.filter((definition) => usedVariables.has(definition.variable.name.value));
    }

    const filteredOperation: OperationDefinitionNode = { ...operation, selectionSet, variableDefinitions };
    return {
      document: { kind: Kind.DOCUMENT, definitions: [filteredOperation, ...fragmentDefinitions] },
      denied,
    };
  }

  private isDenied(parentType: string, fieldName: string): boolean {
    const index = this.compiled.fieldRequirement.get(parentType)?.get(fieldName);
    return index !== undefined && this.view.denied[index] === true;
  }

  private fieldOf(parentType: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
    if (name.startsWith("__") || !(isObjectType(parentType) || isInterfaceType(parentType))) return undefined;
    return parentType.getFields()[name];
  }

  private typeCondition(
    typeCondition: { name: { value: string } } | undefined,
    fallback: GraphQLCompositeType,
  ): GraphQLCompositeType | undefined {
    if (!typeCondition) return fallback;
    const type = this.compiled.schema.getType(typeCondition.name.value);
    return type && isCompositeType(type) ? type : undefined;
  }

  /** Runtime types a fragment on `condition` leaves, within a response object of type `responseType`. */
  private narrow(
    responseType: GraphQLCompositeType,
    narrowed: readonly string[] | null,
    condition: GraphQLCompositeType,
  ): readonly string[] | null {
    if (condition === responseType) return narrowed;
    const all = this.compiled.possibleTypes(responseType);
    const allowed = this.compiled.possibleTypes(condition);
    const result = (narrowed ?? all).filter((name) => allowed.includes(name));
    return result.length === all.length ? null : result;
  }

  /** Denied fields under `selectionSet` (of type `type`), relative to the response object of `responseType`. */
  private collect(
    selectionSet: SelectionSetNode,
    type: GraphQLCompositeType,
    responseType: GraphQLCompositeType,
    narrowed: readonly string[] | null,
    out: RelativeDenial[],
  ): void {
    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD: {
          const field = this.fieldOf(type, selection.name.value);
          if (!field) break;
          const key = selection.alias?.value ?? selection.name.value;
          const shape = shapeOf(field);
          if (this.isDenied(type.name, field.name)) {
            out.push({ path: [key], nonNull: [shape], coordinate: `${type.name}.${field.name}`, possibleTypes: narrowed });
            break;
          }
          const named = getNamedType(field.type);
          if (!selection.selectionSet || !isCompositeType(named) || !this.view.dirty.has(named.name)) break;
          const nested: RelativeDenial[] = [];
          this.collect(selection.selectionSet, named, named, null, nested);
          for (const denial of nested) out.push({ ...denial, path: [key, ...denial.path], nonNull: [shape, ...denial.nonNull] });
          break;
        }
        case Kind.INLINE_FRAGMENT: {
          const condition = this.typeCondition(selection.typeCondition, type);
          if (!condition || !this.view.dirty.has(condition.name)) break;
          this.collect(selection.selectionSet, condition, responseType, this.narrow(responseType, narrowed, condition), out);
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          const fragment = this.fragments.get(name);
          const condition = fragment && this.typeCondition(fragment.typeCondition, type);
          if (!fragment || !condition || !this.view.dirty.has(condition.name) || this.collecting.has(name)) break;
          const fragmentNarrowed = this.narrow(responseType, narrowed, condition);
          const memoKey = `${name}\u0000${responseType.name}\u0000${fragmentNarrowed?.join(",") ?? "*"}`;
          let denials = this.collectedFragments.get(memoKey);
          if (!denials) {
            const collected: RelativeDenial[] = [];
            this.collecting.add(name);
            this.collect(fragment.selectionSet, condition, responseType, fragmentNarrowed, collected);
            this.collecting.delete(name);
            this.collectedFragments.set(memoKey, (denials = collected));
          }
          out.push(...denials);
          break;
        }
      }
    }
  }

  /** The selection set without denied fields; the same node when nothing under it changed. */
  private transform(selectionSet: SelectionSetNode, type: GraphQLCompositeType): TransformedSet {
    let changed = false;
    let removedHere = false;
    const kept: SelectionNode[] = [];
    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD: {
          const field = this.fieldOf(type, selection.name.value);
          if (field && this.isDenied(type.name, field.name)) {
            changed = removedHere = true;
            break;
          }
          const named = field && getNamedType(field.type);
          if (!selection.selectionSet || !named || !isCompositeType(named) || !this.view.dirty.has(named.name)) {
            kept.push(selection);
            break;
          }
          const nested = this.transform(selection.selectionSet, named);
          const nestedSet = nested.removedHere ? withPlaceholder(nested) : nested.selectionSet;
          if (nestedSet === selection.selectionSet) kept.push(selection);
          else {
            changed = true;
            kept.push({ ...selection, selectionSet: nestedSet });
          }
          break;
        }
        case Kind.INLINE_FRAGMENT: {
          const condition = this.typeCondition(selection.typeCondition, type);
          if (!condition || !this.view.dirty.has(condition.name)) {
            kept.push(selection);
            break;
          }
          const nested = this.transform(selection.selectionSet, condition);
          removedHere ||= nested.removedHere;
          if (nested.empty) changed = true;
          else if (nested.selectionSet === selection.selectionSet) kept.push(selection);
          else {
            changed = true;
            kept.push({ ...selection, selectionSet: nested.selectionSet });
          }
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const nested = this.transformFragment(selection.name.value, type);
          if (nested === null) {
            kept.push(selection);
            break;
          }
          removedHere ||= nested.removedHere;
          if (nested.empty) changed = true;
          else kept.push(selection);
          break;
        }
      }
    }
    return {
      selectionSet: changed ? { ...selectionSet, selections: kept } : selectionSet,
      removedHere,
      empty: kept.length === 0,
    };
  }

  /** A fragment's filtered body (context-free: denial depends on the field's own parent type); null if untouched. */
  private transformFragment(name: string, spreadIn: GraphQLCompositeType): TransformedSet | null {
    if (this.transformedFragments.has(name)) return this.transformedFragments.get(name)!;
    const fragment = this.fragments.get(name);
    const condition = fragment && this.typeCondition(fragment.typeCondition, spreadIn);
    // Marked before recursing so a (invalid) fragment cycle stops here.
    this.transformedFragments.set(name, null);
    if (!fragment || !condition || !this.view.dirty.has(condition.name)) return null;
    const transformed = this.transform(fragment.selectionSet, condition);
    this.transformedFragments.set(name, transformed);
    return transformed;
  }

  private reachableFragments(selectionSet: SelectionSetNode, into: Set<string>): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        if (into.has(name) || !this.fragments.has(name)) continue;
        into.add(name);
        const transformed = this.transformedFragments.get(name);
        this.reachableFragments(transformed?.selectionSet ?? this.fragments.get(name)!.selectionSet, into);
      } else if (selection.selectionSet) {
        this.reachableFragments(selection.selectionSet, into);
      }
    }
  }
}

function withPlaceholder(set: TransformedSet): SelectionSetNode {
  return { ...set.selectionSet, selections: [...set.selectionSet.selections, PLACEHOLDER_FIELD] };
}

/** The same field reached twice at one response path (merged fields, repeated spreads) is one denial. */
function dedupe(denials: readonly RelativeDenial[]): DeniedField[] {
  const byPath = new Map<string, DeniedField>();
  for (const denial of denials) {
    const key = denial.path.join("\u0000");
    const seen = byPath.get(key);
    if (!seen) {
      byPath.set(key, denial);
    } else if (seen.possibleTypes !== null) {
      const possibleTypes = denial.possibleTypes === null ? null : [...new Set([...seen.possibleTypes, ...denial.possibleTypes])].sort();
      byPath.set(key, { ...seen, possibleTypes });
    }
  }
  return [...byPath.values()];
}
