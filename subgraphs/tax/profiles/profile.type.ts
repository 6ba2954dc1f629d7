import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

import { money, MoneyType } from "../../../platform/money/index.js";
import type { TaxProfile as Profile } from "./profile.js";

export enum TaxTreatment {
  TAXABLE_INCOME = "TAXABLE_INCOME",
  ADJUSTMENT = "ADJUSTMENT",
  DEDUCTION = "DEDUCTION",
  STATE_AND_LOCAL_TAX = "STATE_AND_LOCAL_TAX",
  MEDICAL = "MEDICAL",
  TAX_PAYMENT = "TAX_PAYMENT",
  NONE = "NONE",
}
registerEnumType(TaxTreatment, {
  name: "TaxTreatment",
  description: "How a ledger category counts for tax.",
  valuesConfig: {
    TAXABLE_INCOME: { description: "Income that is taxed (wages, freelance income...)." },
    ADJUSTMENT: { description: "Paid out and subtracted before AGI (IRA or HSA contributions, student loan interest)." },
    DEDUCTION: { description: "An itemized deduction counted in full (charity, mortgage interest)." },
    STATE_AND_LOCAL_TAX: { description: "State and local taxes: itemized, up to the year's SALT cap." },
    MEDICAL: { description: "Medical expenses: itemized above the year's floor (7.5 % of AGI in the US)." },
    TAX_PAYMENT: { description: "Tax withheld or paid ahead (estimated payments): reduces what is left to pay." },
    NONE: { description: "Does not count." },
  },
});

@ObjectType("TaxCategory", { description: "A ledger category and how it counts for tax this year." })
export class TaxCategory {
  @Field(() => ID)
  categoryId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "The ledger's kind: INCOME or EXPENSE." })
  kind!: string;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;

  @Field(() => TaxTreatment)
  treatment!: TaxTreatment;

  @Field(() => Boolean, {
    description: "Whether the user chose it for this category; otherwise it follows a choice on a parent category, the name or the kind.",
  })
  chosen!: boolean;
}

@ObjectType("TaxProfile", { description: "Who files and how, for one tax year, and which categories count." })
export class TaxProfile {
  @Field(() => Int)
  year!: number;

  @Field(() => String)
  jurisdiction!: string;

  @Field(() => String)
  filingStatus!: string;

  @Field(() => Int, { description: "Qualifying children for the child tax credit." })
  dependants!: number;

  @Field(() => Boolean, {
    description: "Whether dividends are taxed at the qualified rates; false (ordinary income, the cautious estimate) until set.",
  })
  dividendsQualified!: boolean;

  @Field(() => MoneyType, { description: "Tax withheld or paid outside the ledger, entered by hand." })
  otherWithholding!: MoneyType;

  @Field(() => String, { nullable: true, description: "The law revision asked for; null: the newest of the year's tables." })
  revision!: string | null;

  @Field(() => Boolean, { description: "Whether the user saved settings for this year." })
  saved!: boolean;

  @Field(() => Int, { nullable: true, description: "The earlier year whose settings apply until this year's are saved." })
  carriedFrom!: number | null;

  /** Resolved by TaxProfileResolver.categories. */
  profile!: Profile;

  static from(p: Profile, currency: string): TaxProfile {
    return Object.assign(new TaxProfile(), {
      year: p.year,
      jurisdiction: p.jurisdiction,
      filingStatus: p.filingStatus,
      dependants: p.dependants,
      dividendsQualified: p.dividendsQualified,
      otherWithholding: MoneyType.from(money(p.otherWithholdingMinor, currency)),
      revision: p.revision,
      saved: p.saved,
      carriedFrom: p.carriedFrom,
      profile: p,
    });
  }
}
