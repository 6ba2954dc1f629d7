import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";

import { type RequestContext, requireOwnUser, scopes } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import type { PortfolioBook } from "../holdings/portfolio-book.js";
import type { InvestmentsDeps } from "../investments.deps.js";
import { Portfolio } from "../portfolios/portfolio.type.js";
import { baseCurrencyUnknown } from "../valuation/valuation.errors.js";
import { InvestmentsValueService } from "./investments-value.service.js";
import { InvestmentsUser } from "./user.type.js";

/** Investments' fields on `User`; a User here is only ever the caller. */
@Resolver(() => InvestmentsUser)
export class InvestmentsUserResolver {
  private readonly value: InvestmentsValueService;

  constructor(private readonly deps: InvestmentsDeps) {
    this.value = new InvestmentsValueService(deps.valuation, deps.fx);
  }

  @Directive(scopes("investments:read"))
  @FieldResolver(() => [Portfolio], { description: "The user's portfolios, oldest first." })
  async portfolios(
    @Root() user: InvestmentsUser,
    @Ctx() context: RequestContext,
    @Arg("includeArchived", () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ): Promise<Portfolio[]> {
    return (await this.deps.portfolios.list(requireOwnUser(user, context), includeArchived)).map(Portfolio.from);
  }

  @Directive(scopes("investments:read"))
  // Nullable so that a missing price or rate fails this field alone, not the whole user.
  @FieldResolver(() => MoneyType, {
    nullable: true,
    description:
      "Every portfolio's value today in the base currency, for net worth (cash held in a linked ledger account is left to the ledger). Null with PRICE_MISSING or EXCHANGE_RATE_MISSING rather than a guess.",
  })
  async investmentsValue(@Root() user: InvestmentsUser, @Ctx() context: RequestContext): Promise<MoneyType> {
    const userId = requireOwnUser(user, context);
    const settings = await context.loaders.get(this.deps.loaders.settings).load(userId);
    if (!settings) throw baseCurrencyUnknown();
    const portfolios = await this.deps.portfolios.list(userId, true);
    const books = await context.loaders.get(this.deps.loaders.book).loadMany(portfolios.map((p) => p.id));
    const found = books.filter((b): b is PortfolioBook => b !== null && !(b instanceof Error));
    const today = this.deps.settings.todayIn(settings.timezone);
    return MoneyType.from(await this.value.of(userId, found, settings.baseCurrency, today));
  }
}
