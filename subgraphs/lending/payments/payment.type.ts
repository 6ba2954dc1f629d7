import { Field, ID, Int, ObjectType } from "type-graphql";

import { MoneyType } from "../../../platform/money/index.js";
import type { PaymentEntity } from "./payment.entity.js";

@ObjectType("LoanPaymentPart", { description: "What a payment paid of one installment." })
export class LoanPaymentPart {
  @Field(() => Int)
  number!: number;

  @Field(() => MoneyType)
  lateFee!: MoneyType;

  @Field(() => MoneyType)
  interest!: MoneyType;

  @Field(() => MoneyType)
  principal!: MoneyType;
}

@ObjectType("LoanPayment", {
  description:
    "A payment on a loan: late fees first, then interest, then principal, oldest installment first; anything beyond is a prepayment.",
})
export class LoanPayment {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  loanId!: string;

  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field(() => String, { description: "YYYY-MM-DD." })
  date!: string;

  @Field(() => MoneyType)
  lateFees!: MoneyType;

  @Field(() => MoneyType)
  interest!: MoneyType;

  @Field(() => MoneyType, { description: "Principal of installments." })
  principal!: MoneyType;

  @Field(() => MoneyType, { description: "Beyond everything owed: taken off the principal, the rest of the schedule recomputed." })
  prepayment!: MoneyType;

  @Field(() => [LoanPaymentPart])
  parts!: LoanPaymentPart[];

  @Field(() => ID, { nullable: true })
  ledgerAccountId!: string | null;

  @Field(() => String, { description: "ISO-8601 instant." })
  createdAt!: string;

  static from(entity: PaymentEntity, currency: string): LoanPayment {
    const money = (amountMinor: bigint) => MoneyType.from({ amountMinor, currency });
    return Object.assign(new LoanPayment(), {
      id: entity.id,
      loanId: entity.loanId,
      amount: money(entity.amountMinor),
      date: entity.date,
      lateFees: money(entity.feeMinor),
      interest: money(entity.interestMinor),
      principal: money(entity.principalMinor),
      prepayment: money(entity.prepaymentMinor),
      parts: entity.allocation.map((part) =>
        Object.assign(new LoanPaymentPart(), {
          number: part.number,
          lateFee: money(BigInt(part.fee)),
          interest: money(BigInt(part.interest)),
          principal: money(BigInt(part.principal)),
        }),
      ),
      ledgerAccountId: entity.ledgerAccountId,
      createdAt: entity.createdAt.toISOString(),
    });
  }
}
