/**
 * Resolves on the next macrotask turn (after pending I/O callbacks), unlike `await` alone, which
 * only yields to other microtasks. Long CPU work on the main thread (an import's rows, a burst of
 * in-process events) awaits this between slices so HTTP requests and timers are served in between.
 */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
