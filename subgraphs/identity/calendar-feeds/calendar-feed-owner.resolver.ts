import { Arg, Ctx, Directive, Query, Resolver } from "type-graphql";

import { forbidden } from "../../../platform/errors/index.js";
import type { RequestContext } from "../../../platform/graphql/index.js";
import type { IdentityDeps } from "../identity.deps.js";
import { CalendarFeedOwner } from "./calendar-feed.type.js";

/**
 * Held only by the gateway's own service caller. Checked literally: a signed-in user's `*` grants
 * every user-facing scope, never an internal one.
 */
export const INTERNAL_CALENDAR_FEEDS_SCOPE = "internal:calendar-feeds";

/** The gateway's lookup; `@inaccessible` keeps it out of the client-facing schema. */
@Resolver()
export class CalendarFeedOwnerResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Directive("@inaccessible")
  @Query(() => CalendarFeedOwner, {
    nullable: true,
    description: "Gateway only: whose feed a secret opens; null if unknown, rotated away or revoked.",
  })
  async resolveCalendarFeed(@Ctx() ctx: RequestContext, @Arg("secret", () => String) secret: string): Promise<CalendarFeedOwner | null> {
    if (!ctx.caller.scopes.includes(INTERNAL_CALENDAR_FEEDS_SCOPE)) throw forbidden("resolveCalendarFeed is for the gateway only");
    const userId = await this.deps.calendarFeeds.resolve(secret);
    return userId ? Object.assign(new CalendarFeedOwner(), { userId }) : null;
  }
}
