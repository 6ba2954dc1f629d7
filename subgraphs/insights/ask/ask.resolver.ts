import { Arg, Ctx, Directive, Query, Resolver } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { InsightsDeps } from "../insights.deps.js";
import { Answer } from "./answer.type.js";

@Resolver()
export class AskResolver {
  constructor(private readonly deps: InsightsDeps) {}

  @Directive(scopes("insights:read"))
  @Query(() => Answer, {
    description:
      "Answers a question about your own money in plain English (at most 300 characters): spending or income in a period, " +
      "by category or payee; your largest expenses; two periods compared; spending by category; your savings rate. " +
      "Periods count from your own today; a question that names none is about this month so far. " +
      "A question that cannot be answered is no error: understood is false and the answer says what can be asked.",
  })
  async ask(@Ctx() context: RequestContext, @Arg("question", () => String) question: string): Promise<Answer> {
    return Answer.from(await this.deps.ask.ask(requireUserId(context), question));
  }
}
