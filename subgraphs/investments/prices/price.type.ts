import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

import { MoneyType } from "../../../platform/money/index.js";
import type { StoredPrice } from "./price.service.js";

export enum PriceSource {
  MANUAL = "MANUAL",
  IMPORT = "IMPORT",
  PROVIDER = "PROVIDER",
}
registerEnumType(PriceSource, {
  name: "PriceSource",
  description: "MANUAL: set with setPrices; IMPORT: from importPrices (both yours alone); PROVIDER: the shared daily feed.",
});

@ObjectType("SecurityPrice", { description: "A security's close on one day." })
export class SecurityPrice {
  /** Resolves `security`; not a field of its own. */
  securityId!: string;

  @Field(() => String, { description: "YYYY-MM-DD: the day this close is from." })
  date!: string;

  @Field(() => MoneyType, { description: "In the security's currency." })
  close!: MoneyType;

  @Field(() => PriceSource)
  source!: PriceSource;

  static from(securityId: string, price: Omit<StoredPrice, "securityId">): SecurityPrice {
    return Object.assign(new SecurityPrice(), {
      securityId,
      date: price.date,
      close: MoneyType.from({ amountMinor: price.closeMinor, currency: price.currency }),
      source: price.source as PriceSource,
    });
  }
}

@ObjectType("PriceImportError")
export class PriceImportError {
  @Field(() => Int, { description: "Line number in the file (the header is line 1)." })
  row!: number;

  @Field(() => String, { description: "The column at fault: symbol, date, close or currency." })
  field!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType("PriceImport")
export class PriceImport {
  @Field(() => Int, { description: "Rows stored." })
  saved!: number;

  @Field(() => [PriceImportError], { description: "Rows not stored, and why; the others were stored." })
  errors!: PriceImportError[];
}
