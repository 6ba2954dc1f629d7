import { Arg, Ctx, Directive, Int, Query, Resolver } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { InsightsDeps } from "../insights.deps.js";
import { CashflowForecast } from "./forecast.type.js";

@Resolver()
export class ForecastResolver {
  constructor(private readonly deps: InsightsDeps) {}

  @Directive(scopes("insights:read"))
  @Query(() => CashflowForecast, {
    description:
      "Each open account's closing balance projected for every day from tomorrow to `days` days ahead (1 to 365), and the " +
      "total per currency: the balance at the end of your today, plus your recurring transactions (schedules and bills) on " +
      "the days they fall, plus what the account usually spends on that weekday beyond them (the last 12 weeks' expenses, " +
      "those at a scheduled payee left out). The lowest balance, its day, and every day below zero, with a warning per " +
      "account (credit cards and loan accounts excepted). Loan installments are not projected: lending's events do not " +
      "carry them.",
  })
  async cashflowForecast(@Ctx() context: RequestContext, @Arg("days", () => Int) days: number): Promise<CashflowForecast> {
    return CashflowForecast.from(await this.deps.forecast.project(requireUserId(context), days));
  }
}
