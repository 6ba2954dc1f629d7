import { Arg, Ctx, Directive, ID, Int, Mutation, Query, Resolver } from "type-graphql";

import { givenFields, type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { MarketDataDeps } from "../market-data.deps.js";
import { CreateSecurityInput, UpdateSecurityInput } from "./security.inputs.js";
import { MAX_SEARCH_RESULTS } from "./security.service.js";
import { Security } from "./security.type.js";

@Resolver(() => Security)
export class SecurityResolver {
  constructor(private readonly deps: MarketDataDeps) {}

  @Directive(scopes("investments:read"))
  @Query(() => [Security], {
    description:
      "Shared securities and your own, best match first: the exact symbol, symbols starting with `search`, then names containing it.",
  })
  async securities(
    @Ctx() context: RequestContext,
    @Arg("search", () => String, { nullable: true }) search: string | null,
    @Arg("first", () => Int, { defaultValue: 50, description: `1 to ${MAX_SEARCH_RESULTS}.` }) first: number,
  ): Promise<Security[]> {
    return (await this.deps.securities.search(requireUserId(context), search, first)).map(Security.from);
  }

  @Directive(scopes("investments:read"))
  @Query(() => Security, { nullable: true, description: "A shared security or one of your own; null otherwise." })
  async security(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Security | null> {
    requireUserId(context);
    const found = await context.loaders.get(this.deps.loaders.security).load(id);
    return found ? Security.from(found) : null;
  }

  @Directive(scopes("investments:write"))
  @Mutation(() => Security, { description: "A security of your own, for what no feed knows; you price it with setPrices." })
  async createSecurity(
    @Ctx() context: RequestContext,
    @Arg("input", () => CreateSecurityInput) input: CreateSecurityInput,
  ): Promise<Security> {
    return Security.from(await this.deps.securities.create(requireUserId(context), input));
  }

  @Directive(scopes("investments:write"))
  @Mutation(() => Security, { description: "Renames or reclassifies one of your own securities." })
  async updateSecurity(
    @Ctx() context: RequestContext,
    @Arg("input", () => UpdateSecurityInput) input: UpdateSecurityInput,
  ): Promise<Security> {
    return Security.from(await this.deps.securities.update(requireUserId(context), { ...givenFields(input), id: input.id }));
  }
}
