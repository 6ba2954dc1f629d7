import { Field, Int, ObjectType } from "type-graphql";

import { money, MoneyType } from "../../../platform/money/index.js";
import type { RateBand, TableSource, TaxTable as TaxTableData } from "./tax-table.js";

@ObjectType("TaxTableSource", { description: "Where one part of a table comes from." })
export class TaxTableSource {
  @Field(() => String, { description: 'The part: "ordinaryBrackets", "standardDeduction", "capitalGainsBrackets", ...' })
  part!: string;

  @Field(() => String)
  citation!: string;

  @Field(() => String)
  url!: string;
}

@ObjectType("TaxRateBand")
export class TaxRateBand {
  @Field(() => String, { description: "Percent, an exact decimal string." })
  ratePercent!: string;

  @Field(() => MoneyType, { description: "The rate applies to income over this..." })
  over!: MoneyType;

  @Field(() => MoneyType, { nullable: true, description: "...up to this (null: no limit)." })
  upTo!: MoneyType | null;
}

@ObjectType("TaxSchedule", { description: "A table's figures for one filing status." })
export class TaxSchedule {
  @Field(() => String)
  filingStatus!: string;

  @Field(() => MoneyType)
  standardDeduction!: MoneyType;

  @Field(() => [TaxRateBand])
  ordinaryBrackets!: TaxRateBand[];

  @Field(() => [TaxRateBand], { description: "Long-term capital gains and qualified dividends." })
  capitalGainsBrackets!: TaxRateBand[];

  @Field(() => MoneyType, { description: "Net capital loss deductible against other income in the year." })
  capitalLossLimit!: MoneyType;

  @Field(() => MoneyType, { description: "The state and local tax deduction's cap (before any phase-down)." })
  saltCap!: MoneyType;

  @Field(() => MoneyType, { description: "Child tax credit per qualifying child (before the phase-out)." })
  childTaxCreditPerChild!: MoneyType;
}

@ObjectType("TaxTable", { description: "One revision of a jurisdiction's tax law for a year, as published; data, not code." })
export class TaxTable {
  @Field(() => String)
  jurisdiction!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => String, { description: "The revision's name; incomeTax and tax profiles can ask for it." })
  revision!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: "YYYY-MM-DD the revision took effect." })
  effectiveDate!: string;

  @Field(() => Boolean, { description: "Whether it is the year's newest revision, the one used when none is named." })
  isDefault!: boolean;

  @Field(() => String)
  currency!: string;

  @Field(() => [String])
  filingStatuses!: string[];

  @Field(() => [TaxTableSource])
  sources!: TaxTableSource[];

  @Field(() => [TaxSchedule])
  schedules!: TaxSchedule[];

  static from(table: TaxTableData, isDefault: boolean): TaxTable {
    const m = (minor: bigint) => MoneyType.from(money(minor, table.currency));
    const bands = (list: RateBand[]) =>
      list.map((b, i) =>
        Object.assign(new TaxRateBand(), {
          ratePercent: b.ratePercent,
          over: m(b.overMinor),
          upTo: i + 1 < list.length ? m(list[i + 1]!.overMinor) : null,
        }),
      );
    const source = (part: string, s: TableSource) => Object.assign(new TaxTableSource(), { part, citation: s.citation, url: s.url });
    return Object.assign(new TaxTable(), {
      jurisdiction: table.jurisdiction,
      year: table.year,
      revision: table.revision,
      title: table.title,
      effectiveDate: table.effectiveDate,
      isDefault,
      currency: table.currency,
      filingStatuses: table.filingStatuses,
      sources: [
        source("ordinaryBrackets", table.ordinaryBrackets.source),
        source("standardDeduction", table.standardDeduction.source),
        source("capitalGainsBrackets", table.capitalGainsBrackets.source),
        source("capitalLossLimit", table.capitalLossLimit.source),
        source("saltCap", table.saltCap.source),
        source("medicalFloor", table.medicalFloor.source),
        source("childTaxCredit", table.childTaxCredit.source),
      ],
      schedules: table.filingStatuses.map((status) =>
        Object.assign(new TaxSchedule(), {
          filingStatus: status,
          standardDeduction: m(table.standardDeduction.byFilingStatus[status]!),
          ordinaryBrackets: bands(table.ordinaryBrackets.byFilingStatus[status]!),
          capitalGainsBrackets: bands(table.capitalGainsBrackets.byFilingStatus[status]!),
          capitalLossLimit: m(table.capitalLossLimit.byFilingStatus[status]!),
          saltCap: m(table.saltCap.byFilingStatus[status]!.limitMinor),
          childTaxCreditPerChild: m(table.childTaxCredit.byFilingStatus[status]!.perChildMinor),
        }),
      ),
    });
  }
}
