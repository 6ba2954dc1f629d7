import type { ConsumedEvent } from "../../../platform/events/index.js";
import type { LedgerTransactionEvents } from "../../../schema/events/ledger.js";
import { type FinalLines as FinalLinesOf, finalLines as finalLinesOf } from "../../../schema/events/ledger-transaction-versions.js";
import type { SpendingLineEntity } from "../spending/spending-line.entity.js";
import { linesOf } from "../spending/spending-lines.js";

/** Where one transaction stands after a batch of its events, as budgets' spending lines. */
export type FinalLines = FinalLinesOf<SpendingLineEntity>;

/** Each transaction's final spending lines after a batch (see the shared fold); pure. */
export const finalLines = (events: ReadonlyArray<ConsumedEvent<LedgerTransactionEvents>>): FinalLines[] => finalLinesOf(events, linesOf);
