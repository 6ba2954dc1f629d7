/**
 * The categorizer trained in this process for `npm run bench:insights`: how long one user's model
 * takes to learn a history, how big it gets (count entries, heap, stored rows), how long rebuilding
 * it from its rows takes (what insights does before each suggestion) and how long a suggestion takes.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import {
  emptyModel,
  fromRows,
  MANUAL_WEIGHT,
  modelEntries,
  RULE_WEIGHT,
  suggest,
  toRows,
  train,
} from "../../subgraphs/insights/categorizer/naive-bayes.js";
import type { HistoryTransaction } from "../../subgraphs/insights/test/support/history-generator.js";
import { summarize } from "../stats.js";

export interface TrainingRun {
  examples: number;
  trainMs: number;
  entries: number;
  categories: number;
  vocabulary: number;
  /** Live heap the trained model holds, after full collections before and after. */
  heapBytes: number;
  /** The stored rows (category and token counts) as JSON: about what the database keeps, without row overhead. */
  rowsJsonBytes: number;
  tokenRows: number;
  rebuildMs: number;
  suggest: { p50: number; p99: number };
}

// A full collection on demand, so the heap figure is what the model holds and not garbage.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

const heapUsed = () => {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
};

/** Trains one model on `history` in order (manual choices weigh more than rules'), then measures it. */
export function trainInProcess(history: readonly HistoryTransaction[], suggestions = 1_000): TrainingRun {
  const before = heapUsed();
  const model = emptyModel();
  const started = performance.now();
  for (const t of history) train(model, t, t.categorizedBy === "MANUAL" ? MANUAL_WEIGHT : RULE_WEIGHT);
  const trainMs = performance.now() - started;
  const heapBytes = heapUsed() - before;

  const rows = toRows(model);
  const rebuildStarted = performance.now();
  fromRows(rows);
  const rebuildMs = performance.now() - rebuildStarted;

  const latencies: number[] = [];
  for (let i = 0; i < suggestions; i++) {
    const t = history[(i * 7919) % history.length]!;
    const at = performance.now();
    suggest(model, t);
    latencies.push(performance.now() - at);
  }
  const { p50, p99 } = summarize(latencies);
  return {
    examples: history.length,
    trainMs,
    entries: modelEntries(model),
    categories: model.documents.size,
    vocabulary: model.vocabulary.size,
    heapBytes,
    rowsJsonBytes: Buffer.byteLength(JSON.stringify(rows)),
    tokenRows: rows.tokens.length,
    rebuildMs,
    suggest: { p50, p99 },
  };
}
