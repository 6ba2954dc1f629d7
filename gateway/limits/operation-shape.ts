import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

import { indexDocument, saturate } from "./document-index.js";

/** Figures of one operation (or fragment), fragments expanded as often as they are spread. */
export interface OperationShape {
  /** Nested field levels; `__typename` adds none, introspection counts as one level. */
  readonly depth: number;
  /** Aliased fields. */
  readonly aliases: number;
  /** Top-level fields other than `__typename`. */
  readonly rootFields: number;
}

/**
 * `__schema`/`__type` are answered from the gateway's own schema, never by a subgraph, and are
 * refused outright while introspection is off (production); counted in full, the standard
 * introspection query (15 levels) would break development tools.
 */
export function isIntrospectionField(name: string): boolean {
  return name === "__schema" || name === "__type";
}

// The depth, alias and root-field rules share one walk per document.
const cache = new WeakMap<DocumentNode, ReadonlyMap<OperationDefinitionNode, OperationShape>>();

/** Shape of every operation in `document`; memoised per AST, each fragment walked once. */
export function operationShapes(document: DocumentNode): ReadonlyMap<OperationDefinitionNode, OperationShape> {
  let shapes = cache.get(document);
  if (shapes === undefined) {
    shapes = measure(document);
    cache.set(document, shapes);
  }
  return shapes;
}

function measure(document: DocumentNode): Map<OperationDefinitionNode, OperationShape> {
  const index = indexDocument(document);
  const walker = new ShapeWalker();
  for (const fragment of index.fragmentOrder) walker.fragments.set(fragment.name.value, walker.shapeOf(fragment.selectionSet));
  const shapes = new Map<OperationDefinitionNode, OperationShape>();
  for (const operation of index.operations) shapes.set(operation, walker.shapeOf(operation.selectionSet));
  return shapes;
}

class ShapeWalker {
  /** Figures of fragments already measured; a missing one is unknown or closes a cycle. */
  readonly fragments = new Map<string, OperationShape>();
  // Accumulated across one shapeOf() call rather than returned, so the walk allocates nothing.
  private aliases = 0;

  shapeOf(selectionSet: SelectionSetNode): OperationShape {
    this.aliases = 0;
    const depth = this.depthOf(selectionSet);
    return {
      depth,
      aliases: saturate(this.aliases),
      rootFields: saturate(this.rootFieldsOf(selectionSet)),
    };
  }

  /** Deepest field level under `selectionSet`, adding its aliases to the running count. */
  private depthOf(selectionSet: SelectionSetNode): number {
    let max = 0;
    for (const selection of selectionSet.selections) {
      let depth: number;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias !== undefined) this.aliases++;
        const name = selection.name.value;
        if (name === "__typename") continue;
        if (selection.selectionSet === undefined) depth = 1;
        else {
          // Walked even under introspection: its aliases still count.
          const below = this.depthOf(selection.selectionSet);
          depth = isIntrospectionField(name) ? 1 : 1 + below;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = this.depthOf(selection.selectionSet);
      } else {
        const fragment = this.fragments.get(selection.name.value);
        if (fragment === undefined) continue;
        this.aliases += fragment.aliases;
        depth = fragment.depth;
      }
      if (depth > max) max = depth;
    }
    return max;
  }

  private rootFieldsOf(selectionSet: SelectionSetNode): number {
    let count = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== "__typename") count++;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += this.rootFieldsOf(selection.selectionSet);
      } else {
        count += this.fragments.get(selection.name.value)?.rootFields ?? 0;
      }
    }
    return count;
  }
}
