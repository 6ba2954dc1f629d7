import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";

import { liveDirective, type RequestContext, requireUserId, scopes, servedByGateway } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import { INVESTMENTS_PORTFOLIO_TOPIC, PORTFOLIO_UPDATED } from "../../../schema/events/investments.js";
import type { PortfolioBook } from "../holdings/portfolio-book.js";
import type { InvestmentsDeps } from "../investments.deps.js";
import { portfolioNotFound } from "./portfolio.errors.js";
import { CreatePortfolioInput } from "./portfolio.inputs.js";
import { Portfolio } from "./portfolio.type.js";

/** The caller's replayed portfolio, once per request. */
export async function bookOf(deps: InvestmentsDeps, context: RequestContext, portfolioId: string): Promise<PortfolioBook> {
  requireUserId(context);
  const book = await context.loaders.get(deps.loaders.book).load(portfolioId);
  if (!book) throw portfolioNotFound();
  return book;
}

@Resolver(() => Portfolio)
export class PortfolioResolver {
  constructor(private readonly deps: InvestmentsDeps) {}

  @Directive(scopes("investments:read"))
  @Query(() => [Portfolio], { description: "The caller's portfolios, oldest first." })
  async portfolios(
    @Ctx() context: RequestContext,
    @Arg("includeArchived", () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ): Promise<Portfolio[]> {
    return (await this.deps.portfolios.list(requireUserId(context), includeArchived)).map(Portfolio.from);
  }

  @Directive(scopes("investments:read"))
  @Query(() => Portfolio, { nullable: true, description: "One of the caller's portfolios; null otherwise." })
  async portfolio(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Portfolio | null> {
    requireUserId(context);
    const portfolio = await context.loaders.get(this.deps.loaders.portfolio).load(id);
    return portfolio ? Portfolio.from(portfolio) : null;
  }

  @Directive(scopes("investments:write"))
  @Mutation(() => Portfolio)
  async createPortfolio(
    @Ctx() context: RequestContext,
    @Arg("input", () => CreatePortfolioInput) input: CreatePortfolioInput,
  ): Promise<Portfolio> {
    return Portfolio.from(await this.deps.portfolios.create(requireUserId(context), input, context.traceId));
  }

  @Directive(scopes("investments:write"))
  @Mutation(() => Portfolio)
  async renamePortfolio(
    @Ctx() context: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("name", () => String, { description: "1 to 100 characters." }) name: string,
  ): Promise<Portfolio> {
    return Portfolio.from(await this.deps.portfolios.rename(requireUserId(context), id, name, context.traceId));
  }

  @Directive(scopes("investments:write"))
  @Mutation(() => Portfolio, { description: "Keeps the history and figures; no new activity. Archiving twice changes nothing." })
  async archivePortfolio(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Portfolio> {
    return Portfolio.from(await this.deps.portfolios.archive(requireUserId(context), id, context.traceId));
  }

  @Directive(scopes("investments:write"))
  @Mutation(() => Portfolio, { description: "Links the ledger account holding the portfolio's cash (in its currency); null unlinks." })
  async linkPortfolioLedgerAccount(
    @Ctx() context: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("ledgerAccountId", () => ID, { nullable: true }) ledgerAccountId: string | null,
  ): Promise<Portfolio> {
    return Portfolio.from(
      await this.deps.portfolios.linkLedgerAccount(requireUserId(context), id, ledgerAccountId ?? null, context.traceId),
    );
  }

  @Directive(
    liveDirective({
      topic: INVESTMENTS_PORTFOLIO_TOPIC,
      events: [PORTFOLIO_UPDATED],
      lookup: "portfolio",
      id: "portfolioId",
      match: { id: "portfolioId" },
      audience: "owner",
    }),
  )
  @Directive(scopes("investments:read"))
  @Subscription(() => Portfolio, {
    nullable: true,
    description:
      "The portfolio each time its activity changes or a security it holds gets new prices: holdings, value and returns as they now are.",
    subscribe: servedByGateway,
  })
  portfolioUpdated(@Arg("id", () => ID) _id: string): Portfolio {
    return servedByGateway();
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the portfolio holds cash: once it records a DEPOSIT or WITHDRAWAL, those are its external flows and trades move money inside it.",
  })
  async tracksCash(@Root() portfolio: Portfolio, @Ctx() context: RequestContext): Promise<boolean> {
    return (await bookOf(this.deps, context, portfolio.id)).tracksCash;
  }

  @FieldResolver(() => [MoneyType], {
    description: "Cash per currency after all activity (empty unless tracksCash). May be negative (bought on margin).",
  })
  async cash(@Root() portfolio: Portfolio, @Ctx() context: RequestContext): Promise<MoneyType[]> {
    const book = await bookOf(this.deps, context, portfolio.id);
    return [...book.cash].map(([currency, amountMinor]) => MoneyType.from({ amountMinor, currency }));
  }
}
