import { Ctx, Mutation, Query, Resolver } from "type-graphql";

import { type RequestContext, requireSessionUserId } from "../../../platform/graphql/index.js";
import type { IdentityDeps } from "../identity.deps.js";
import { CalendarFeed, CalendarFeedUrl } from "./calendar-feed.type.js";
import { calendarFeedUrl } from "./calendar-feed-secret.js";

/** Managing the feed needs a signed-in session, like every credential: an API key can neither read nor mint its URL. */
@Resolver(() => CalendarFeed)
export class CalendarFeedResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Query(() => CalendarFeed, { nullable: true, description: "Your calendar feed's state; null if you never made one." })
  async calendarFeed(@Ctx() ctx: RequestContext): Promise<CalendarFeed | null> {
    const feed = await this.deps.calendarFeeds.get(requireSessionUserId(ctx));
    return feed ? CalendarFeed.from(feed) : null;
  }

  @Mutation(() => CalendarFeedUrl, {
    description: "Issues a new private feed URL (shown in this response only); the previous URL, if any, stops working at once.",
  })
  async rotateCalendarFeed(@Ctx() ctx: RequestContext): Promise<CalendarFeedUrl> {
    const secret = await this.deps.calendarFeeds.rotate(requireSessionUserId(ctx), ctx.client);
    return Object.assign(new CalendarFeedUrl(), { url: calendarFeedUrl(this.deps.config.calendarFeedBaseUrl, secret) });
  }

  @Mutation(() => Boolean, { description: "Stops the feed: its URL answers 404 from now on. False when there was no live feed." })
  async revokeCalendarFeed(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.deps.calendarFeeds.revoke(requireSessionUserId(ctx), ctx.client);
  }
}
