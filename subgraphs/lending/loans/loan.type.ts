import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

import { MoneyType } from "../../../platform/money/index.js";
import { SCHEDULE_CONVENTION } from "../schedule/schedule.js";
import type { LoanEntity } from "./loan.entity.js";

export enum LoanDirection {
  BORROWED = "BORROWED",
  LENT = "LENT",
}
registerEnumType(LoanDirection, { name: "LoanDirection", description: "BORROWED: you owe the contact. LENT: the contact owes you." });

export enum LoanMethod {
  AMORTIZING = "AMORTIZING",
  SIMPLE = "SIMPLE",
  INTEREST_ONLY = "INTEREST_ONLY",
}
registerEnumType(LoanMethod, {
  name: "LoanMethod",
  description:
    "AMORTIZING: equal payments (an annuity), interest on the balance. SIMPLE: simple interest P × rate × n/12, principal and interest each in equal parts. INTEREST_ONLY: interest on the balance each month, the principal with the last installment. See Loan for the exact convention.",
});

export enum LoanStatus {
  ACTIVE = "ACTIVE",
  OVERDUE = "OVERDUE",
  PAID_OFF = "PAID_OFF",
  WRITTEN_OFF = "WRITTEN_OFF",
}
registerEnumType(LoanStatus, {
  name: "LoanStatus",
  description: "OVERDUE while any installment is; PAID_OFF once nothing is owed; WRITTEN_OFF when given up (both take no payments).",
});

export enum PrepaymentStrategy {
  REDUCE_TERM = "REDUCE_TERM",
  REDUCE_PAYMENT = "REDUCE_PAYMENT",
}
registerEnumType(PrepaymentStrategy, {
  name: "PrepaymentStrategy",
  description: "What a prepayment shortens: the number of installments left (same payment), or the payment (same end date).",
});

export enum LateFeeKind {
  FLAT = "FLAT",
  PERCENT = "PERCENT",
}
registerEnumType(LateFeeKind, { name: "LateFeeKind" });

@ObjectType("LoanLateFee", { description: "Charged once per installment when it becomes overdue." })
export class LoanLateFee {
  @Field(() => LateFeeKind)
  kind!: LateFeeKind;

  @Field(() => MoneyType, { nullable: true, description: "FLAT: the fee." })
  amount!: MoneyType | null;

  @Field(() => String, {
    nullable: true,
    description: "PERCENT: percent of what is unpaid of the installment, rounded half-up to the minor unit.",
  })
  percent!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType("Loan", { description: `Money lent or borrowed, with its schedule. ${SCHEDULE_CONVENTION}` })
export class Loan {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => LoanDirection)
  direction!: LoanDirection;

  @Field(() => MoneyType)
  principal!: MoneyType;

  @Field(() => String, { description: 'Annual rate in percent, a decimal string ("6.5").' })
  annualRatePercent!: string;

  @Field(() => Int, { nullable: true, description: "Null for an informal loan without a schedule." })
  termMonths!: number | null;

  @Field(() => LoanMethod, { nullable: true, description: "Null for an informal loan without a schedule." })
  method!: LoanMethod | null;

  @Field(() => String, { description: "YYYY-MM-DD." })
  startDate!: string;

  @Field(() => Int, { description: "Days after its due date an unpaid installment becomes OVERDUE." })
  graceDays!: number;

  @Field(() => Int, { description: "InstallmentDue is announced this many days before each due date." })
  remindDaysBefore!: number;

  @Field(() => LoanLateFee, { nullable: true })
  lateFee!: LoanLateFee | null;

  @Field(() => PrepaymentStrategy)
  prepaymentStrategy!: PrepaymentStrategy;

  @Field(() => LoanStatus)
  status!: LoanStatus;

  @Field(() => MoneyType, {
    nullable: true,
    description: "The regular payment now (a REDUCE_PAYMENT prepayment lowers it); null without a schedule.",
  })
  installmentAmount!: MoneyType | null;

  @Field(() => MoneyType, { description: "Principal not yet repaid." })
  outstandingPrincipal!: MoneyType;

  @Field(() => MoneyType, { description: "Principal repaid ahead of the schedule, all prepayments together." })
  prepaid!: MoneyType;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD of the payment that paid it off." })
  paidOffOn!: string | null;

  @Field(() => String, { nullable: true, description: "ISO-8601 instant." })
  writtenOffAt!: string | null;

  @Field(() => String, { description: "ISO-8601 instant." })
  createdAt!: string;

  contactId!: string;
  currency!: string;
  outstandingPrincipalMinor!: bigint;

  static from(entity: LoanEntity): Loan {
    const money = (amountMinor: bigint) => MoneyType.from({ amountMinor, currency: entity.currency });
    return Object.assign(new Loan(), {
      id: entity.id,
      name: entity.name,
      direction: entity.direction as LoanDirection,
      principal: money(entity.principalMinor),
      annualRatePercent: entity.annualRatePercent,
      termMonths: entity.termMonths,
      method: entity.method as LoanMethod | null,
      startDate: entity.startDate,
      graceDays: entity.graceDays,
      remindDaysBefore: entity.remindDaysBefore,
      lateFee:
        entity.lateFeeKind === null
          ? null
          : Object.assign(new LoanLateFee(), {
              kind: entity.lateFeeKind as LateFeeKind,
              amount: entity.lateFeeMinor === null ? null : money(entity.lateFeeMinor),
              percent: entity.lateFeePercent,
            }),
      prepaymentStrategy: entity.prepaymentStrategy as PrepaymentStrategy,
      status: entity.status as LoanStatus,
      installmentAmount: entity.installmentMinor === null ? null : money(entity.installmentMinor),
      outstandingPrincipal: money(entity.outstandingPrincipalMinor),
      prepaid: money(entity.prepaidMinor),
      paidOffOn: entity.paidOffOn,
      writtenOffAt: entity.writtenOffAt?.toISOString() ?? null,
      createdAt: entity.createdAt.toISOString(),
      contactId: entity.contactId,
      currency: entity.currency,
      outstandingPrincipalMinor: entity.outstandingPrincipalMinor,
    });
  }
}

@ObjectType("LoanPayoffQuote", { description: "What pays a loan off on a date." })
export class LoanPayoffQuote {
  @Field(() => String, { description: "YYYY-MM-DD." })
  date!: string;

  @Field(() => MoneyType, { description: "Late fees owed by then." })
  fees!: MoneyType;

  @Field(() => MoneyType, { description: "Interest owed by then." })
  interest!: MoneyType;

  @Field(() => MoneyType, { description: "All principal not yet repaid." })
  principal!: MoneyType;

  @Field(() => MoneyType, { description: "fees + interest + principal: a payment of this much on that date pays the loan off." })
  total!: MoneyType;
}
