import type { ConsumedEvent } from "../../../platform/events/index.js";
import type { LedgerTransactionEvents } from "../../../schema/events/ledger.js";
import { type FinalLines, finalLines } from "../../../schema/events/ledger-transaction-versions.js";
import { type LedgerLine, ledgerLinesOf } from "../ledger-lines/ledger-lines.js";

/**
 * Each transaction's final tax lines after a batch of its events, and every line any version had
 * (whose years need a new estimate): the shared fold with tax's own lines. Pure.
 */
export const taxLinesAfter = (events: ReadonlyArray<ConsumedEvent<LedgerTransactionEvents>>): Array<FinalLines<LedgerLine>> =>
  finalLines(events, ledgerLinesOf);
