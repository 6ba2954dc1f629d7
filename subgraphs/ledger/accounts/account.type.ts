import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

import { MoneyType } from "../../../platform/money/index.js";
import { UserRef } from "../users/user.type.js";
import type { AccountEntity, AccountKind } from "./account.entity.js";

export enum AccountType {
  CHECKING = "CHECKING",
  SAVINGS = "SAVINGS",
  CREDIT_CARD = "CREDIT_CARD",
  CASH = "CASH",
  LOAN = "LOAN",
  INVESTMENT_CASH = "INVESTMENT_CASH",
}
registerEnumType(AccountType, { name: "AccountType" });

@Directive('@key(fields: "id")')
@ObjectType("Account", { description: "Where money is held or owed. Its balance is its opening balance plus its postings." })
export class Account {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AccountType)
  type!: AccountType;

  @Field(() => String, { description: "ISO-4217; every transaction on the account is in it." })
  currency!: string;

  @Field(() => MoneyType)
  openingBalance!: MoneyType;

  @Field(() => String, { description: "YYYY-MM-DD; no transaction on the account is older." })
  openingDate!: string;

  @Field(() => Boolean)
  archived!: boolean;

  @Field(() => UserRef)
  owner!: UserRef;

  static from(entity: AccountEntity): Account {
    return Object.assign(new Account(), {
      id: entity.id,
      name: entity.name,
      type: entity.type as AccountKind as AccountType,
      currency: entity.currency,
      openingBalance: MoneyType.from({ amountMinor: entity.openingBalanceMinor, currency: entity.currency }),
      openingDate: entity.openingDate,
      archived: entity.archivedAt !== null,
      owner: Object.assign(new UserRef(), { id: entity.userId }),
    });
  }
}
