import { Field, ID, Int, ObjectType } from "type-graphql";

import type { ImportOutcome } from "./activity-import.service.js";

@ObjectType("InvestmentImportError", { description: "A line left out, and why." })
export class InvestmentImportError {
  @Field(() => Int, { description: "The line in the file (the header is line 1)." })
  row!: number;

  @Field(() => String, { nullable: true, description: "The column (or input field) at fault." })
  field!: string | null;

  @Field(() => String, { description: "BAD_USER_INPUT, INSUFFICIENT_QUANTITY, ..." })
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType("InvestmentImport", { description: "What an activity import wrote: the good lines, and each bad one with its reason." })
export class InvestmentImport {
  @Field(() => ID)
  id!: string;

  portfolioId!: string;

  @Field(() => Int)
  imported!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => [InvestmentImportError], { description: "By line." })
  errors!: InvestmentImportError[];

  static from(outcome: ImportOutcome): InvestmentImport {
    return Object.assign(new InvestmentImport(), {
      id: outcome.id,
      portfolioId: outcome.portfolioId,
      imported: outcome.imported,
      failed: outcome.failed,
      errors: outcome.errors.map((e) => Object.assign(new InvestmentImportError(), e)),
    });
  }
}
