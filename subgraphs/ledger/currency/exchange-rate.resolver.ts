import { Arg, Ctx, Directive, Field, InputType, Int, Mutation, ObjectType, Resolver } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { LedgerDeps } from "../ledger.deps.js";

@InputType()
export class ExchangeRateInput {
  @Field(() => String, { description: "YYYY-MM-DD: the day this rate is for." })
  date!: string;

  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => String, { description: 'Decimal: 1 `from` = rate `to`, e.g. "1.0812".' })
  rate!: string;
}

@ObjectType()
export class RateRowError {
  @Field(() => Int)
  row!: number;

  @Field(() => String)
  message!: string;
}

@ObjectType()
export class ExchangeRateImport {
  @Field(() => Int)
  saved!: number;

  @Field(() => [RateRowError])
  errors!: RateRowError[];
}

@Resolver()
export class ExchangeRateResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @Directive(scopes("ledger:write"))
  @Mutation(() => Int, {
    description:
      "Stores rates per day (replacing that day's); all or nothing. Returns how many. Transactions of those days are re-announced with their new base amounts.",
  })
  async setExchangeRates(
    @Ctx() context: RequestContext,
    @Arg("rates", () => [ExchangeRateInput]) rates: ExchangeRateInput[],
  ): Promise<number> {
    return this.deps.rates.set(requireUserId(context), rates, context.traceId);
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => ExchangeRateImport, {
    description: "CSV with the header date,from,to,rate; good rows are saved, bad rows reported by line.",
  })
  async importExchangeRates(@Ctx() context: RequestContext, @Arg("content", () => String) content: string): Promise<ExchangeRateImport> {
    return this.deps.rates.importCsv(requireUserId(context), content, context.traceId);
  }
}
