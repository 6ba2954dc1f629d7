import type { InstallmentEntity } from "../installments/installment.entity.js";
import { unpaidOf } from "../installments/installment-state.js";

/**
 * What is owed on a loan on `today`: the principal not yet repaid, and the interest and late fees
 * of installments due by then and not paid. Future interest is not owed yet. The same sum as
 * LoanQueries' SQL, for one loan whose rows are already loaded.
 */
export function owedToday(outstandingPrincipalMinor: bigint, rows: readonly InstallmentEntity[], today: string): bigint {
  let owed = outstandingPrincipalMinor;
  for (const row of rows) {
    if (row.status === "PAID" || row.dueDate > today) continue;
    const unpaid = unpaidOf(row);
    owed += unpaid.interestMinor + unpaid.feeMinor;
  }
  return owed;
}
