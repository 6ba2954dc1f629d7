import { Arg, Ctx, Directive, Int, Query, Resolver } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import { TaxYearReport } from "../report/report.type.js";
import type { TaxDeps } from "../tax.deps.js";
import { TaxYearSummary } from "./summary.type.js";

@Resolver()
export class TaxSummaryResolver {
  constructor(private readonly deps: TaxDeps) {}

  @Directive(scopes("tax:read"))
  @Query(() => TaxYearSummary, { description: "Your estimate for a tax year from your own data (see TaxYearSummary)." })
  async taxYearSummary(@Ctx() context: RequestContext, @Arg("year", () => Int) year: number): Promise<TaxYearSummary> {
    return TaxYearSummary.from(await this.deps.summaries.compute(requireUserId(context), year));
  }

  @Directive(scopes("tax:read"))
  @Query(() => TaxYearReport, { description: "Your tax year as CSV, for an accountant." })
  async taxYearReport(@Ctx() context: RequestContext, @Arg("year", () => Int) year: number): Promise<TaxYearReport> {
    const report = await this.deps.reports.yearReport(requireUserId(context), year);
    return Object.assign(new TaxYearReport(), { ...report, contentType: "text/csv; charset=utf-8" });
  }
}
