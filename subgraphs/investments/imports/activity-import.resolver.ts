import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { InvestmentsDeps } from "../investments.deps.js";
import { bookOf } from "../portfolios/portfolio.resolver.js";
import { Portfolio } from "../portfolios/portfolio.type.js";
import { MAX_IMPORT_ROWS } from "./activity-import.service.js";
import { InvestmentImport } from "./activity-import.type.js";

@Resolver(() => InvestmentImport)
export class ActivityImportResolver {
  constructor(private readonly deps: InvestmentsDeps) {}

  @Directive(scopes("investments:write"))
  @Mutation(() => InvestmentImport, {
    description: `Imports activity from CSV (at most ${MAX_IMPORT_ROWS} lines): a header naming date and type and any of symbol, quantity, price, fee, amount, currency (the portfolio's when empty), splitRatio and note. Good lines are written together, in file order within a day; each bad one is reported with its line, field and code (INSUFFICIENT_QUANTITY for a sale the replay refuses).`,
  })
  async importInvestmentTransactions(
    @Ctx() context: RequestContext,
    @Arg("portfolioId", () => ID) portfolioId: string,
    @Arg("csv", () => String) csv: string,
    @Arg("idempotencyKey", () => String, { nullable: true }) idempotencyKey: string | null,
  ): Promise<InvestmentImport> {
    return InvestmentImport.from(
      await this.deps.imports.import(requireUserId(context), portfolioId, csv, idempotencyKey ?? null, context.traceId),
    );
  }

  @FieldResolver(() => Portfolio)
  async portfolio(@Root() result: InvestmentImport, @Ctx() context: RequestContext): Promise<Portfolio> {
    return Portfolio.from((await bookOf(this.deps, context, result.portfolioId)).portfolio);
  }
}
