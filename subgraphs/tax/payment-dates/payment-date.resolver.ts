import { Arg, Ctx, Directive, Query, Resolver } from "type-graphql";

import { badInput } from "../../../platform/errors/index.js";
import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import { calendarDate } from "../../../platform/time/index.js";
import type { TaxDeps } from "../tax.deps.js";
import { TaxPaymentDate } from "./payment-date.type.js";
import { usTaxPaymentDates } from "./us-payment-dates.js";

/** A calendar feed asks for a year ahead; a bound keeps a typo from asking for a century. */
const MAX_SPAN_DAYS = 400;

@Resolver(() => TaxPaymentDate)
export class TaxPaymentDateResolver {
  constructor(private readonly deps: TaxDeps) {}

  @Directive(scopes("tax:read"))
  @Query(() => [TaxPaymentDate], {
    description: `Tax payment due dates from \`from\` to \`to\` (YYYY-MM-DD, at most ${MAX_SPAN_DAYS} days apart), soonest first, by each tax year's profile jurisdiction (dates are known for US).`,
  })
  async taxPaymentDates(
    @Ctx() context: RequestContext,
    @Arg("from", () => String) fromArg: string,
    @Arg("to", () => String) toArg: string,
  ): Promise<TaxPaymentDate[]> {
    const userId = requireUserId(context);
    const from = calendarDate(fromArg, "from");
    const to = calendarDate(toArg, "to");
    if (to < from) throw badInput("to must not be before from", { field: "to" });
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_SPAN_DAYS) throw badInput(`at most ${MAX_SPAN_DAYS} days`, { field: "to" });
    const out: TaxPaymentDate[] = [];
    // A tax year's dates run into the next year (Q4, the return), so the year before `from` counts too.
    for (let year = Number(from.slice(0, 4)) - 1; year <= Number(to.slice(0, 4)); year++) {
      // Sequential: the profile reads share one connection pool and there are at most three.
      const profile = await this.deps.profiles.get(userId, year);
      if (profile.jurisdiction !== "US") continue;
      for (const d of usTaxPaymentDates(year)) if (d.date >= from && d.date <= to) out.push(TaxPaymentDate.from(d, profile.jurisdiction));
    }
    return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind.localeCompare(b.kind)));
  }
}
