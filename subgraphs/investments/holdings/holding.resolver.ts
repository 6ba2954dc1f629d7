import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { InvestmentsDeps } from "../investments.deps.js";
import { bookOf } from "../portfolios/portfolio.resolver.js";
import { Portfolio } from "../portfolios/portfolio.type.js";
import { Security } from "../securities/security.type.js";
import { Holding } from "./holding.type.js";
import { holdingFigures, visiblePositions } from "./holding-figures.js";
import type { Position } from "./portfolio-book.js";

/** The caller's "today": the day holdings are valued on. */
export async function todayFor(deps: InvestmentsDeps, context: RequestContext): Promise<string> {
  const userId = requireUserId(context);
  const settings = await context.loaders.get(deps.loaders.settings).load(userId);
  return deps.settings.todayIn(settings?.timezone);
}

/** Positions valued at the latest close on or before today, through the per-request price loader. */
export async function holdingsOf(
  deps: InvestmentsDeps,
  context: RequestContext,
  portfolioId: string,
  positions: Position[],
): Promise<Holding[]> {
  const today = await todayFor(deps, context);
  const prices = context.loaders.get(deps.loaders.priceOn);
  return Promise.all(
    positions.map(async (position) => {
      const held = !position.state.quantity.isZero();
      const price = held ? await prices.load(`${position.securityId}|${today}`) : null;
      return Holding.from(portfolioId, holdingFigures(position, price));
    }),
  );
}

/** `id` is "portfolioId:securityId": a holding resolves only inside one of the caller's portfolios. */
export async function holdingById(deps: InvestmentsDeps, context: RequestContext, id: string): Promise<Holding | null> {
  const [portfolioId, securityId] = id.split(":");
  if (!portfolioId || !securityId || !context.caller.userId) return null;
  const book = await context.loaders.get(deps.loaders.book).load(portfolioId);
  const position = book?.positions.get(securityId);
  return position ? (await holdingsOf(deps, context, portfolioId, [position]))[0]! : null;
}

@Resolver(() => Holding)
export class HoldingResolver {
  constructor(private readonly deps: InvestmentsDeps) {}

  @FieldResolver(() => Security)
  async security(@Root() holding: Holding, @Ctx() context: RequestContext): Promise<Security> {
    const security = await context.loaders.get(this.deps.loaders.security).load(holding.securityId);
    return Security.from(security!);
  }

  @FieldResolver(() => Portfolio)
  async portfolio(@Root() holding: Holding, @Ctx() context: RequestContext): Promise<Portfolio> {
    return Portfolio.from((await bookOf(this.deps, context, holding.portfolioId)).portfolio);
  }
}

@Resolver(() => Portfolio)
export class PortfolioHoldingsResolver {
  constructor(private readonly deps: InvestmentsDeps) {}

  @Directive(scopes("investments:read"))
  @FieldResolver(() => [Holding], {
    description:
      "Each security held, valued at the latest close on or before today (priceDate says how old it is; no close: marketValue null, never guessed), in the order first bought.",
  })
  async holdings(
    @Root() portfolio: Portfolio,
    @Ctx() context: RequestContext,
    @Arg("includeClosed", () => Boolean, {
      defaultValue: false,
      description: "Also positions sold out, with their realized gain and income.",
    })
    includeClosed: boolean,
  ): Promise<Holding[]> {
    const book = await bookOf(this.deps, context, portfolio.id);
    return holdingsOf(this.deps, context, portfolio.id, visiblePositions(book.positions.values(), includeClosed));
  }
}
