import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

import { MoneyType } from "../../../platform/money/index.js";
import type { InstallmentEntity } from "./installment.entity.js";
import { unpaidTotal } from "./installment-state.js";

export enum InstallmentStatus {
  PENDING = "PENDING",
  PARTIALLY_PAID = "PARTIALLY_PAID",
  OVERDUE = "OVERDUE",
  PAID = "PAID",
}
registerEnumType(InstallmentStatus, {
  name: "InstallmentStatus",
  description: "OVERDUE: unpaid graceDays after its due date, until paid in full (late fee included).",
});

@ObjectType("Installment", {
  description: "One row of a loan's schedule. Paid and partly paid rows never change; a prepayment recomputes the rows after them.",
})
export class Installment {
  @Field(() => Int)
  number!: number;

  @Field(() => String, { description: "YYYY-MM-DD." })
  dueDate!: string;

  @Field(() => MoneyType, { description: "interest + principal, as scheduled." })
  payment!: MoneyType;

  @Field(() => MoneyType)
  interest!: MoneyType;

  @Field(() => MoneyType)
  principal!: MoneyType;

  @Field(() => MoneyType, { description: "Principal left after this installment, as scheduled." })
  balance!: MoneyType;

  @Field(() => InstallmentStatus)
  status!: InstallmentStatus;

  @Field(() => MoneyType, { description: "Charged once, when it became overdue." })
  lateFee!: MoneyType;

  @Field(() => MoneyType, { description: "Paid so far: late fee, interest and principal together." })
  paid!: MoneyType;

  @Field(() => MoneyType, { description: "Still to pay on it, late fee included." })
  amountDue!: MoneyType;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD of the payment that completed it." })
  paidOn!: string | null;

  static from(row: InstallmentEntity, currency: string): Installment {
    const money = (amountMinor: bigint) => MoneyType.from({ amountMinor, currency });
    return Object.assign(new Installment(), {
      number: row.number,
      dueDate: row.dueDate,
      payment: money(row.paymentMinor),
      interest: money(row.interestMinor),
      principal: money(row.principalMinor),
      balance: money(row.balanceMinor),
      status: row.status as InstallmentStatus,
      lateFee: money(row.lateFeeMinor),
      paid: money(row.paidLateFeeMinor + row.paidInterestMinor + row.paidPrincipalMinor),
      amountDue: money(unpaidTotal(row)),
      paidOn: row.paidOn,
    });
  }
}
