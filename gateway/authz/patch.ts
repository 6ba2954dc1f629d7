import type { FormattedExecutionResult, GraphQLFormattedError } from "graphql";

import { denialOf, type DeniedField, PLACEHOLDER_KEY } from "./denials.js";

export type ResponsePath = readonly (string | number)[];

export interface PatchedData {
  /** `data` with denied fields set to null (and nulls propagated); the input is never mutated. */
  readonly data: Record<string, unknown> | null | undefined;
  /** Where to report each denial, list positions filled in. */
  readonly errorPaths: readonly ResponsePath[];
}

interface Instance {
  readonly path: ResponsePath;
  /** Non-null flag of the value at each path position (a field value or a list item). */
  readonly nonNull: readonly boolean[];
}

/**
 * Writes `null` where each denied field would have been, expanding paths through the lists in
 * `data`, and propagates nulls as execution would: a non-null field nulls its parent, up to the
 * nearest nullable position (or `data` itself). Strips the filter's placeholder `__typename`.
 *
 * Each denial is reported at every object it applied to. A denial that reached no object at all
 * (null parent, empty list, no data) is still reported once, at its path without list positions,
 * so the caller learns the field was withheld; fields in fragments on types the object did not
 * have are not reported.
 */
export function nullDeniedFields(data: Record<string, unknown> | null | undefined, denied: readonly DeniedField[]): PatchedData {
  if (denied.length === 0) return { data, errorPaths: [] };
  const errorPaths: ResponsePath[] = [];
  const instances: Instance[] = [];
  const parents: ResponsePath[] = [];
  for (const denial of denied) {
    const found: Instance[] = [];
    let reachedParent = false;
    const expand = (value: unknown, segment: number, path: (string | number)[], nonNull: boolean[]): void => {
      if (!isObject(value)) return;
      const key = denial.path[segment]!;
      const shape = denial.nonNull[segment]!;
      if (segment === denial.path.length - 1) {
        reachedParent = true;
        parents.push(path);
        const typeName = value[PLACEHOLDER_KEY];
        if (denial.possibleTypes && typeof typeName === "string" && !denial.possibleTypes.includes(typeName)) return;
        found.push({ path: [...path, key], nonNull: [...nonNull, shape[0] ?? false] });
        return;
      }
      const intoLists = (item: unknown, depth: number, itemPath: (string | number)[], itemNonNull: boolean[]): void => {
        if (item === null || item === undefined) return;
        if (depth < shape.length - 1) {
          if (!Array.isArray(item)) return;
          item.forEach((element, index) =>
            intoLists(element, depth + 1, [...itemPath, index], [...itemNonNull, shape[depth + 1] ?? false]),
          );
          return;
        }
        expand(item, segment + 1, itemPath, itemNonNull);
      };
      intoLists(value[key], 0, [...path, key], [...nonNull, shape[0] ?? false]);
    };
    expand(data, 0, [], []);
    if (found.length > 0) {
      for (const instance of found) errorPaths.push(instance.path);
      instances.push(...found);
    } else if (!reachedParent) {
      errorPaths.push([...denial.path]);
    }
  }

  let root: Record<string, unknown> | null | undefined = data;
  if (!isObject(root)) return { data, errorPaths };
  const owned = new WeakSet<object>();
  const own = <T extends object>(value: T): T => {
    if (owned.has(value)) return value;
    const copy = (Array.isArray(value) ? value.slice() : { ...value }) as T;
    owned.add(copy);
    return copy;
  };
  /** The container at path[0..length), copied for writing; undefined if a null is in the way. */
  const containerAt = (path: ResponsePath, length: number): Record<string | number, unknown> | undefined => {
    if (!root) return undefined;
    root = own(root);
    let current: Record<string | number, unknown> = root;
    for (let i = 0; i < length; i++) {
      const next = current[path[i]!];
      if (next === null || typeof next !== "object") return undefined;
      const copy = own(next as Record<string | number, unknown>);
      current[path[i]!] = copy;
      current = copy;
    }
    return current;
  };

  for (const parent of parents) {
    if (!hasPlaceholder(root, parent)) continue;
    const container = containerAt(parent, parent.length);
    if (container) delete container[PLACEHOLDER_KEY];
  }
  for (const instance of instances) {
    let position = instance.path.length - 1;
    while (position >= 0 && instance.nonNull[position]) position--;
    if (position < 0) {
      root = null;
      break;
    }
    const container = containerAt(instance.path, position);
    if (container) container[instance.path[position]!] = null;
  }
  return { data: root, errorPaths };
}

/**
 * Completes a result executed from a filtered operation: `null` at every denied field (see
 * `nullDeniedFields`) and one error per place: UNAUTHENTICATED for a caller who has not signed in,
 * FORBIDDEN for one whose credential lacks the scope. A result without `data` (the request failed
 * before execution) is returned as it is.
 */
export function applyDenials(
  result: FormattedExecutionResult,
  denied: readonly DeniedField[],
  signedIn: boolean,
): FormattedExecutionResult {
  if (denied.length === 0 || result.data === undefined) return result;
  const { data, errorPaths } = nullDeniedFields(result.data, denied);
  const { message, code } = denialOf(signedIn);
  const errors: GraphQLFormattedError[] = errorPaths.map((path) => ({ message, path, extensions: { code } }));
  return { ...result, data, errors: [...(result.errors ?? []), ...errors] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function hasPlaceholder(root: unknown, path: ResponsePath): boolean {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return false;
    current = (current as Record<string | number, unknown>)[key];
  }
  return isObject(current) && PLACEHOLDER_KEY in current;
}
