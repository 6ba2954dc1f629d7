import { badInput } from "../../../platform/errors/index.js";
import type { Money } from "../../../platform/money/index.js";
import type { TaxTableCatalog } from "../tables/table-catalog.js";
import type { TaxTable } from "../tables/tax-table.js";
import { computeIncomeTax, type IncomeTaxResult } from "./income-tax.js";

export interface IncomeTaxQuestion {
  jurisdiction: string;
  year: number;
  filingStatus: string;
  taxableIncome: Money;
  qualifiedIncome: Money | null;
  revision: string | null;
}

export interface IncomeTaxAnswer {
  table: TaxTable;
  filingStatus: string;
  taxableIncomeMinor: bigint;
  qualifiedIncomeMinor: bigint;
  result: IncomeTaxResult;
}

/** The `incomeTax` calculator: finds the table the question names and checks its amounts are in the table's currency. */
export class IncomeTaxService {
  constructor(private readonly catalog: TaxTableCatalog) {}

  compute(q: IncomeTaxQuestion): IncomeTaxAnswer {
    const table = this.catalog.resolve(q.jurisdiction, q.year, q.revision ?? undefined);
    const filingStatus = this.catalog.requireFilingStatus(table, q.filingStatus);
    for (const [field, value] of [
      ["taxableIncome", q.taxableIncome],
      ["qualifiedIncome", q.qualifiedIncome],
    ] as const) {
      if (value && value.currency !== table.currency) {
        throw badInput(`${field} must be in ${table.currency}, the currency of the ${table.jurisdiction} ${table.year} table`, {
          field,
          reason: "WRONG_CURRENCY",
        });
      }
    }
    const taxableIncomeMinor = q.taxableIncome.amountMinor;
    const qualifiedIncomeMinor = q.qualifiedIncome?.amountMinor ?? 0n;
    const result = computeIncomeTax({ table, filingStatus, taxableIncomeMinor, qualifiedIncomeMinor });
    return { table, filingStatus, taxableIncomeMinor, qualifiedIncomeMinor, result };
  }
}
