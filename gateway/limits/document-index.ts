import { type DocumentNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

/** The structure every limit walks, computed once per parsed document. */
export interface DocumentIndex {
  readonly operations: readonly OperationDefinitionNode[];
  /**
   * Each fragment after every fragment it spreads, so one pass in this order can aggregate a
   * fragment from the already-known figures of its spreads. A spread that closes a cycle has no
   * figure yet when it is reached and counts as nothing (NoFragmentCycles refuses the document).
   */
  readonly fragmentOrder: readonly FragmentDefinitionNode[];
}

// Keyed by the AST itself: Apollo keeps validated documents, so the request-time cost check on a
// cached document reuses the index built during its validation.
const cache = new WeakMap<DocumentNode, DocumentIndex>();

/** Indexes `document`, or returns the index built earlier for the same AST object. */
export function indexDocument(document: DocumentNode): DocumentIndex {
  let index = cache.get(document);
  if (index === undefined) {
    index = buildIndex(document);
    cache.set(document, index);
  }
  return index;
}

function buildIndex(document: DocumentNode): DocumentIndex {
  const operations: OperationDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    // The first definition wins, as in graphql-js; UniqueFragmentNames reports the duplicate.
    else if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) {
      fragments.set(definition.name.value, definition);
    }
  }
  return { operations, fragmentOrder: fragments.size === 0 ? [] : dependencyOrder(fragments) };
}

/** Names of the fragments spread anywhere inside `selectionSet`, each once. */
function spreadNames(selectionSet: SelectionSetNode): Set<string> {
  const names = new Set<string>();
  const pending: SelectionSetNode[] = [selectionSet];
  for (let set = pending.pop(); set !== undefined; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.add(selection.name.value);
      else if (selection.selectionSet !== undefined) pending.push(selection.selectionSet);
    }
  }
  return names;
}

// Iterative depth-first post-order: a chain of thousands of fragments must not exhaust the stack.
function dependencyOrder(fragments: ReadonlyMap<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const order: FragmentDefinitionNode[] = [];
  const visited = new Set<string>();
  const stack: { fragment: FragmentDefinitionNode; pending: Iterator<string> }[] = [];
  for (const root of fragments.values()) {
    if (visited.has(root.name.value)) continue;
    visited.add(root.name.value);
    stack.push({ fragment: root, pending: spreadNames(root.selectionSet).values() });
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = top.pending.next();
      if (next.done) {
        order.push(top.fragment);
        stack.pop();
        continue;
      }
      const child = fragments.get(next.value);
      // Unknown fragments are KnownFragmentNames' to report; visited ones are ordered or on the
      // stack (a cycle).
      if (child === undefined || visited.has(next.value)) continue;
      visited.add(next.value);
      stack.push({ fragment: child, pending: spreadNames(child.selectionSet).values() });
    }
  }
  return order;
}

/** Caps figures that multiply through fragments and lists, so they stay exact integers in JSON. */
export function saturate(value: number): number {
  return value > Number.MAX_SAFE_INTEGER ? Number.MAX_SAFE_INTEGER : value;
}
