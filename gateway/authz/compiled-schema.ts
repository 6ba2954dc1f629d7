import {
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
} from "graphql";

import {
  type AuthRequirements,
  type AuthzCaller,
  combineRequirements,
  isAllowed,
  type Requirement,
  requirementKey,
} from "./requirements.js";

/*
 * The schema side of authorization: the supergraph's `@authenticated` / `@requiresScopes`
 * requirements (from `extractRequirements`) turned into a per-field lookup over the API schema,
 * with each caller's allow/deny pattern resolved once into a `CallerView`. Operation rewriting
 * (operation-filter.ts) only reads this lookup.
 */

/** Distinct allow/deny patterns kept per compiled schema. */
const MAX_VIEWS = 256;

/** What one caller may not see: computed once per allow/deny pattern over the schema's requirements. */
export interface CallerView {
  readonly key: string;
  /** Requirement index → denied. */
  readonly denied: readonly boolean[];
  /** Types in whose selection sets a denied field can occur (directly or deeper, or via fragments). */
  readonly dirty: ReadonlySet<string>;
}

export interface CompiledSchema {
  readonly schema: GraphQLSchema;
  /** Distinct effective requirements. */
  readonly requirements: readonly Requirement[];
  /** Type name → field name → index into `requirements`. */
  readonly fieldRequirement: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** null when the caller may see everything. */
  viewFor(caller: AuthzCaller): CallerView | null;
  possibleTypes(type: GraphQLCompositeType): readonly string[];
}

const compiledBySchema = new WeakMap<GraphQLSchema, WeakMap<AuthRequirements, CompiledSchema>>();

/** The compiled lookup of `requirements` over `schema`, built once per (schema, requirements) pair. */
export function compile(schema: GraphQLSchema, requirements: AuthRequirements): CompiledSchema {
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
  const rootNames = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t) => t).map((t) => t!.name),
  );

  const typeRequirement = (type: GraphQLNamedType): Requirement | undefined => {
    let requirement = requirements.get(type.name);
    // Whatever an abstract field returns may be any of its possible types: their requirements apply
    // (composition already copies implementations' onto interfaces; unions get the same treatment).
    if (isAbstractType(type))
      for (const possible of schema.getPossibleTypes(type)) requirement = combineRequirements(requirement, requirements.get(possible.name));
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
            if (implementationField)
              requirement = combineRequirements(requirement, ownFieldRequirement(implementation.name, implementationField));
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
        names = isAbstractType(type)
          ? schema
              .getPossibleTypes(type)
              .map((t) => t.name)
              .sort()
          : [type.name];
        possibleCache.set(type.name, names);
      }
      return names;
    },
  };
}
