import {
  GraphQLError,
  Kind,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type VariableNode,
} from "graphql";
import { combineRequirements, isAllowed, requirementKey, type AuthRequirements, type AuthzCaller, type Requirement } from "./requirements.js";

/**
 * Error on a field removed for a caller who has not signed in at all: what they need is a credential,
 * not a different one.
 */
export const UNAUTHENTICATED_CODE = "UNAUTHENTICATED";
export const UNAUTHENTICATED_MESSAGE = "sign in required";
/** Error on a field removed for a signed-in caller (an API key) that lacks the field's scope. */
export const FORBIDDEN_CODE = "FORBIDDEN";
export const FORBIDDEN_MESSAGE = "this credential lacks a scope the field requires";

/** Message and code of a denial: UNAUTHENTICATED without a caller, FORBIDDEN for one without the scope. */
export function denialOf(signedIn: boolean): { message: string; code: string } {
  return signedIn ? { message: FORBIDDEN_MESSAGE, code: FORBIDDEN_CODE } : { message: UNAUTHENTICATED_MESSAGE, code: UNAUTHENTICATED_CODE };
}

/**
 * Response key of the `__typename` the filter adds wherever it removed a field: it keeps emptied
 * selection sets valid and tells the patcher the runtime type under abstract fields. `applyDenials`
 * deletes it again, so clients never see it.
 */
export const PLACEHOLDER_KEY = "_authzTypename";

/**
 * Non-null flags of a field's type from the outside in: the field value, then one per list level.
 * `[Entry!]!` is `[true, true]`, `String` is `[false]`, `[[Int]!]` is `[false, true, false]`.
 */
export type FieldShape = readonly boolean[];

/** One field removed from the operation, as seen from the response. */
export interface DeniedField {
  /** Response keys (aliases) from the root to the field; list positions are filled in by the patcher. */
  readonly path: readonly string[];
  /** `FieldShape` of the field at each path segment (same length as `path`). */
  readonly nonNull: readonly FieldShape[];
  /** Schema coordinate of the removed field, e.g. `User.email` (for logs and metrics). */
  readonly coordinate: string;
  /**
   * Runtime types of the parent object for which the field was selected (it sat in a type-conditioned
   * fragment narrower than the parent field's type); null when it applies to any parent object.
   */
  readonly possibleTypes: readonly string[] | null;
}

export interface FilterResult {
  /** The operation to plan and execute; the very document passed in when nothing was removed. */
  readonly document: DocumentNode;
  readonly denied: readonly DeniedField[];
}

/**
 * A field the caller may not see: in results, and raised when nothing executable would be left (a
 * subscription's root). UNAUTHENTICATED when nobody signed in, FORBIDDEN when the credential lacks a scope.
 */
export class UnauthorizedFieldError extends GraphQLError {
  /** Written for the client: survives the gateway's error masking (see platform/errors). */
  readonly clientSafe = true;
  constructor(path: readonly (string | number)[], signedIn: boolean) {
    const { message, code } = denialOf(signedIn);
    super(message, { path, extensions: { code } });
    this.name = "UnauthorizedFieldError";
  }
}

const NO_DENIALS: readonly DeniedField[] = Object.freeze([]);
const PLACEHOLDER_FIELD: FieldNode = Object.freeze({
  kind: Kind.FIELD,
  alias: Object.freeze({ kind: Kind.NAME, value: PLACEHOLDER_KEY }),
  name: Object.freeze({ kind: Kind.NAME, value: "__typename" }),
}) as FieldNode;
/** Filtered documents kept per document; callers differ in few ways, so this rarely fills. */
const MAX_RESULTS_PER_DOCUMENT = 32;
const MAX_VIEWS = 256;

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

  let perDocument = compiled.results.get(document);
  const cacheKey = `${operationName ?? ""}\u0000${view.key}`;
  const cached = perDocument?.get(cacheKey);
  if (cached) return cached;
  const result = new OperationFilter(compiled, view, document, caller.userId !== undefined).run(operation, rootType);
  if (!perDocument) compiled.results.set(document, (perDocument = new Map()));
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

/** What one caller may not see: computed once per allow/deny pattern over the schema's requirements. */
interface CallerView {
  readonly key: string;
  /** Requirement index → denied. */
  readonly denied: readonly boolean[];
  /** Types in whose selection sets a denied field can occur (directly or deeper, or via fragments). */
  readonly dirty: ReadonlySet<string>;
}

interface CompiledSchema {
  readonly schema: GraphQLSchema;
  /** Distinct effective requirements. */
  readonly requirements: readonly Requirement[];
  /** Type name → field name → index into `requirements`. */
  readonly fieldRequirement: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly results: WeakMap<DocumentNode, Map<string, FilterResult>>;
  /** null when the caller may see everything. */
  viewFor(caller: AuthzCaller): CallerView | null;
  possibleTypes(type: GraphQLCompositeType): readonly string[];
}

const compiledBySchema = new WeakMap<GraphQLSchema, WeakMap<AuthRequirements, CompiledSchema>>();

function compile(schema: GraphQLSchema, requirements: AuthRequirements): CompiledSchema {
  let bySchema = compiledBySchema.get(schema);
  if (!bySchema) compiledBySchema.set(schema, (bySchema = new WeakMap()));
  let compiled = bySchema.get(requirements);
  if (!compiled) bySchema.set(requirements, (compiled = compileSchema(schema, requirements)));
  return compiled;
}

function compileSchema(schema: GraphQLSchema, requirements: AuthRequirements): CompiledSchema {
  const distinct: Requirement[] = [];
  const indexByKey = new Map<string, number>();
  const fieldRequirement = new Map<string, Map<string, number>>();
  const typeMap = schema.getTypeMap();
  const rootNames = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t) => t).map((t) => t!.name));

  const typeRequirement = (type: GraphQLNamedType): Requirement | undefined => {
    let requirement = requirements.get(type.name);
    // Whatever an abstract field returns may be any of its possible types: their requirements apply
    // (composition already copies implementations' onto interfaces; unions get the same treatment).
    if (isAbstractType(type)) for (const possible of schema.getPossibleTypes(type)) requirement = combineRequirements(requirement, requirements.get(possible.name));
    return requirement;
  };
  const ownFieldRequirement = (typeName: string, field: GraphQLField<unknown, unknown>) =>
    combineRequirements(requirements.get(`${typeName}.${field.name}`), typeRequirement(getNamedType(field.type)));

  if (requirements.size > 0) {
    for (const type of Object.values(typeMap)) {
      if (type.name.startsWith("__") || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        let requirement = ownFieldRequirement(type.name, field);
        if (rootNames.has(type.name)) requirement = combineRequirements(requirement, requirements.get(type.name));
        if (isInterfaceType(type)) {
          // Selected on the interface, the field may resolve on any implementation.
          for (const implementation of schema.getPossibleTypes(type)) {
            const implementationField = implementation.getFields()[field.name];
            if (implementationField) requirement = combineRequirements(requirement, ownFieldRequirement(implementation.name, implementationField));
          }
        }
        if (!requirement) continue;
        const key = requirementKey(requirement);
        let index = indexByKey.get(key);
        if (index === undefined) {
          index = distinct.push(requirement) - 1;
          indexByKey.set(key, index);
        }
        let fields = fieldRequirement.get(type.name);
        if (!fields) fieldRequirement.set(type.name, (fields = new Map()));
        fields.set(field.name, index);
      }
    }
  }

  // Which selection sets can reach which types: through field types, fragments on possible types
  // (abstract) and fragments on implemented interfaces. Reversed, to spread "dirty" upwards.
  const dependents = new Map<string, Set<string>>();
  const depend = (on: string, dependent: string) => {
    let set = dependents.get(on);
    if (!set) dependents.set(on, (set = new Set()));
    set.add(dependent);
  };
  if (distinct.length > 0) {
    for (const type of Object.values(typeMap)) {
      if (!isCompositeType(type)) continue;
      if (isAbstractType(type)) for (const possible of schema.getPossibleTypes(type)) depend(possible.name, type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const implemented of type.getInterfaces()) depend(implemented.name, type.name);
        for (const field of Object.values(type.getFields())) {
          const named = getNamedType(field.type);
          if (isCompositeType(named)) depend(named.name, type.name);
        }
      }
    }
  }

  const views = new Map<string, CallerView | null>();
  const possibleCache = new Map<string, readonly string[]>();
  const callerViews = new WeakMap<AuthzCaller, CallerView | null>();

  const buildView = (key: string, denied: readonly boolean[]): CallerView => {
    const dirty = new Set<string>();
    const pending: string[] = [];
    for (const [typeName, fields] of fieldRequirement) {
      for (const index of fields.values()) {
        if (denied[index]) {
          dirty.add(typeName);
          pending.push(typeName);
          break;
        }
      }
    }
    while (pending.length > 0) {
      for (const dependent of dependents.get(pending.pop()!) ?? []) {
        if (!dirty.has(dependent)) {
          dirty.add(dependent);
          pending.push(dependent);
        }
      }
    }
    return { key, denied, dirty };
  };

  return {
    schema,
    requirements: distinct,
    fieldRequirement,
    results: new WeakMap(),
    viewFor(caller) {
      const known = callerViews.get(caller);
      if (known !== undefined) return known;
      let key = "";
      const denied = distinct.map((requirement) => {
        const deny = !isAllowed(requirement, caller);
        key += deny ? "1" : "0";
        return deny;
      });
      let view = views.get(key);
      if (view === undefined) {
        view = denied.includes(true) ? buildView(key, denied) : null;
        if (views.size >= MAX_VIEWS) views.clear();
        views.set(key, view);
      }
      callerViews.set(caller, view);
      return view;
    },
    possibleTypes(type) {
      let names = possibleCache.get(type.name);
      if (!names) {
        names = isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.name).sort() : [type.name];
        possibleCache.set(type.name, names);
      }
      return names;
    },
  };
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
      fragmentDefinitions.push(transformed && transformed.selectionSet !== original.selectionSet ? { ...original, selectionSet: transformed.selectionSet } : original);
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

  private typeCondition(typeCondition: { name: { value: string } } | undefined, fallback: GraphQLCompositeType): GraphQLCompositeType | undefined {
    if (!typeCondition) return fallback;
    const type = this.compiled.schema.getType(typeCondition.name.value);
    return type && isCompositeType(type) ? type : undefined;
  }

  /** Runtime types a fragment on `condition` leaves, within a response object of type `responseType`. */
  private narrow(responseType: GraphQLCompositeType, narrowed: readonly string[] | null, condition: GraphQLCompositeType): readonly string[] | null {
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
