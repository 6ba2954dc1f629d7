import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";

import { type RequestContext, requireOwnUser, scopes } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import { Contact } from "../contacts/contact.type.js";
import type { LendingDeps } from "../lending.deps.js";
import { Loan, LoanStatus } from "../loans/loan.type.js";
import { DebtSummary, LendingUser } from "./user.type.js";

/** Lending's fields on `User`; a User here is only ever the caller. */
@Resolver(() => LendingUser)
export class LendingUserResolver {
  constructor(private readonly deps: LendingDeps) {}

  @Directive(scopes("lending:read"))
  @FieldResolver(() => [Loan], { description: "The user's loans, oldest first." })
  async loans(
    @Root() user: LendingUser,
    @Ctx() context: RequestContext,
    @Arg("status", () => LoanStatus, { nullable: true }) status: LoanStatus | null,
  ): Promise<Loan[]> {
    return (await this.deps.loanQueries.list(requireOwnUser(user, context), status)).map(Loan.from);
  }

  @Directive(scopes("lending:read"))
  @FieldResolver(() => [Contact], { description: "The people the user lends to and borrows from, by name." })
  async contacts(@Root() user: LendingUser, @Ctx() context: RequestContext): Promise<Contact[]> {
    return (await this.deps.contacts.list(requireOwnUser(user, context))).map(Contact.from);
  }

  @Directive(scopes("lending:read"))
  @FieldResolver(() => DebtSummary)
  async debtSummary(@Root() user: LendingUser, @Ctx() context: RequestContext): Promise<DebtSummary> {
    const rows = await this.deps.loanQueries.debtSummary(requireOwnUser(user, context), this.deps.today());
    return Object.assign(new DebtSummary(), {
      owedByMe: rows.filter((r) => r.direction === "BORROWED").map(MoneyType.from),
      owedToMe: rows.filter((r) => r.direction === "LENT").map(MoneyType.from),
    });
  }
}
