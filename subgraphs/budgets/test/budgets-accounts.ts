import { expect } from "vitest";

import { eventually } from "../../../platform/testing/eventually.js";
import type { TestSupergraph } from "../../../test/harness/supergraph.js";

/**
 * Waits until budgets' read model holds a ledger account (its AccountCreated event has arrived), as
 * a client retries a NOT_FOUND for an account it has just created.
 */
export async function budgetsKnowsAccount(sg: TestSupergraph, accountId: string, archived = false): Promise<void> {
  await eventually(async () => {
    const rows = await sg.subgraph("budgets").kit.dataSource.query(`SELECT archived FROM budgets.accounts WHERE id = $1`, [accountId]);
    expect(rows).toEqual([{ archived }]);
  });
}
