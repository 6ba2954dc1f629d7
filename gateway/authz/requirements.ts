import { type ConstDirectiveNode, type ConstValueNode, type DefinitionNode, type DocumentNode, Kind, parse } from "graphql";

/**
 * What a caller needs to see a field or a type. Both parts must hold: `authenticated` asks for a
 * user id; `scopes` (when not null) is an OR of ANDs: the caller must hold every scope of at least
 * one inner list.
 */
export interface Requirement {
  readonly authenticated: boolean;
  readonly scopes: readonly (readonly string[])[] | null;
}

/**
 * Requirements read from the supergraph, keyed by schema coordinate: `"Type.field"` for fields and
 * `"Type"` for types (objects, interfaces, scalars, enums). Coordinates without a directive are absent.
 */
export type AuthRequirements = ReadonlyMap<string, Requirement>;

/** Who is asking; `Caller` from platform/auth fits. */
export interface AuthzCaller {
  readonly userId?: string;
  readonly scopes: readonly string[];
}

/** Held by users signed in with a session: satisfies any `@requiresScopes`. */
export const ALL_SCOPES = "*";

const AUTHENTICATED_SPEC = /^https:\/\/specs\.apollo\.dev\/authenticated\/v\d+\.\d+$/;
const REQUIRES_SCOPES_SPEC = /^https:\/\/specs\.apollo\.dev\/requiresScopes\/v\d+\.\d+$/;
/** Spec URLs (any version) of the directives this module enforces. */
export const ENFORCED_SPECS: readonly RegExp[] = [AUTHENTICATED_SPEC, REQUIRES_SCOPES_SPEC];

/** Does the caller meet the requirement? */
export function isAllowed(requirement: Requirement, caller: AuthzCaller): boolean {
  if (requirement.authenticated && !caller.userId) return false;
  const { scopes } = requirement;
  if (scopes === null) return true;
  if (caller.scopes.includes(ALL_SCOPES)) return true;
  return scopes.some((set) => set.every((scope) => caller.scopes.includes(scope)));
}

/** Both requirements at once (used when a field and its type, or several implementations, apply). */
export function combineRequirements(a: Requirement | undefined, b: Requirement | undefined): Requirement | undefined {
  if (!a) return b;
  if (!b) return a;
  return { authenticated: a.authenticated || b.authenticated, scopes: andScopes(a.scopes, b.scopes) };
}

/** (a1 ∨ a2) ∧ (b1) = (a1 ∧ b1) ∨ (a2 ∧ b1), kept minimal: duplicates and supersets dropped. */
function andScopes(a: Requirement["scopes"], b: Requirement["scopes"]): Requirement["scopes"] {
  if (a === null) return b;
  if (b === null) return a;
  const product: string[][] = [];
  for (const left of a) for (const right of b) product.push([...new Set([...left, ...right])].sort());
  return minimalSets(product);
}

function minimalSets(sets: readonly (readonly string[])[]): string[][] {
  const sorted = sets.map((set) => [...new Set(set)].sort()).sort((x, y) => x.length - y.length);
  const kept: string[][] = [];
  for (const set of sorted) {
    // A set that contains a kept set is implied by it: whoever holds the smaller one already passes.
    if (!kept.some((smaller) => smaller.every((scope) => set.includes(scope)))) kept.push(set);
  }
  return kept;
}

/** A stable text for a requirement, to dedupe and to key caches. */
export function requirementKey(requirement: Requirement): string {
  const scopes = requirement.scopes === null ? "-" : requirement.scopes.map((set) => set.join("&")).join("|");
  return `${requirement.authenticated ? "A" : "-"};${scopes}`;
}

interface DirectiveNames {
  authenticated: string;
  requiresScopes: string;
}

/**
 * Reads `@authenticated` and `@requiresScopes` from a supergraph SDL. Composition keeps them on
 * fields and types and links their specs (`@link(url: ".../authenticated/v0.1", for: SECURITY)`),
 * so the directive names follow the link: `as:` renames, `import:` may rename. Without such a
 * link the default names are used.
 */
export function extractRequirements(supergraphSdl: string | DocumentNode): AuthRequirements {
  const document = typeof supergraphSdl === "string" ? parse(supergraphSdl, { noLocation: true }) : supergraphSdl;
  const names = directiveNames(document.definitions);
  const requirements = new Map<string, Requirement>();
  const add = (coordinate: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    const found = readRequirement(directives, names, coordinate);
    if (!found) return;
    requirements.set(coordinate, combineRequirements(requirements.get(coordinate), found)!);
  };
  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        add(definition.name.value, definition.directives);
        for (const field of definition.fields ?? []) add(`${definition.name.value}.${field.name.value}`, field.directives);
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.SCALAR_TYPE_EXTENSION:
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION:
      case Kind.UNION_TYPE_DEFINITION:
      case Kind.UNION_TYPE_EXTENSION:
        add(definition.name.value, definition.directives);
        break;
      default:
        break;
    }
  }
  return requirements;
}

function directiveNames(definitions: readonly DefinitionNode[]): DirectiveNames {
  const names: DirectiveNames = { authenticated: "authenticated", requiresScopes: "requiresScopes" };
  for (const definition of definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== "link") continue;
      const url = stringArgument(directive, "url");
      if (url === undefined) continue;
      if (AUTHENTICATED_SPEC.test(url)) names.authenticated = linkedName(directive, "authenticated");
      else if (REQUIRES_SCOPES_SPEC.test(url)) names.requiresScopes = linkedName(directive, "requiresScopes");
    }
  }
  return names;
}

/** The name a linked spec's own directive goes by: an `import` (possibly renamed) wins over `as:`. */
function linkedName(link: ConstDirectiveNode, specName: string): string {
  const imports = link.arguments?.find((argument) => argument.name.value === "import")?.value;
  if (imports?.kind === Kind.LIST) {
    for (const item of imports.values) {
      if (item.kind === Kind.STRING && item.value === `@${specName}`) return specName;
      if (item.kind === Kind.OBJECT) {
        const name = item.fields.find((field) => field.name.value === "name")?.value;
        const as = item.fields.find((field) => field.name.value === "as")?.value;
        if (name?.kind === Kind.STRING && name.value === `@${specName}`) {
          return as?.kind === Kind.STRING ? as.value.replace(/^@/, "") : specName;
        }
      }
    }
  }
  return stringArgument(link, "as") ?? specName;
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function readRequirement(
  directives: readonly ConstDirectiveNode[] | undefined,
  names: DirectiveNames,
  coordinate: string,
): Requirement | undefined {
  let requirement: Requirement | undefined;
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name === names.authenticated) {
      requirement = combineRequirements(requirement, { authenticated: true, scopes: null });
    } else if (name === names.requiresScopes) {
      const value = directive.arguments?.find((argument) => argument.name.value === "scopes")?.value;
      if (!value) throw new Error(`@${name} on ${coordinate} has no scopes argument`);
      requirement = combineRequirements(requirement, { authenticated: false, scopes: minimalSets(scopeSets(value, coordinate)) });
    }
  }
  return requirement;
}

/** `[[String!]!]!` with GraphQL's input coercion: a lone value stands for a list of one. */
function scopeSets(value: ConstValueNode, coordinate: string): string[][] {
  const outer = value.kind === Kind.LIST ? value.values : [value];
  return outer.map((inner) => {
    const items = inner.kind === Kind.LIST ? inner.values : [inner];
    return items.map((item) => {
      if (item.kind !== Kind.STRING) throw new Error(`@requiresScopes on ${coordinate}: scopes must be strings`);
      return item.value;
    });
  });
}
