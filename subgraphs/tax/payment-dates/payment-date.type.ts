import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

import type { TaxPaymentDate as PaymentDate } from "./us-payment-dates.js";

export enum TaxPaymentKind {
  ESTIMATED_PAYMENT = "ESTIMATED_PAYMENT",
  BALANCE_DUE = "BALANCE_DUE",
}
registerEnumType(TaxPaymentKind, {
  name: "TaxPaymentKind",
  valuesConfig: {
    ESTIMATED_PAYMENT: { description: "A quarterly estimated tax payment (US: Form 1040-ES)." },
    BALANCE_DUE: { description: "The return's deadline: what is left to pay for the year is due." },
  },
});

@ObjectType("TaxPaymentDate", { description: "A day a tax payment is due, in your profile's jurisdiction for that tax year." })
export class TaxPaymentDate {
  @Field(() => String, { description: "YYYY-MM-DD, moved past weekends and legal holidays." }) date!: string;
  @Field(() => TaxPaymentKind) kind!: TaxPaymentKind;
  @Field(() => Int) taxYear!: number;
  @Field(() => Int, { nullable: true, description: "1 to 4 for estimated payments." }) quarter!: number | null;
  @Field(() => String) jurisdiction!: string;

  static from(d: PaymentDate, jurisdiction: string): TaxPaymentDate {
    return Object.assign(new TaxPaymentDate(), { ...d, kind: d.kind as TaxPaymentKind, jurisdiction });
  }
}
