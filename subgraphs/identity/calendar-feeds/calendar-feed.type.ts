import { Directive, Field, ID, ObjectType } from "type-graphql";

import type { CalendarFeedEntity } from "./calendar-feed.entity.js";

@ObjectType("CalendarFeed", { description: "Your private iCalendar feed; its URL is shown only when it is issued (rotateCalendarFeed)." })
export class CalendarFeed {
  @Field(() => Boolean, { description: "False once revoked; rotateCalendarFeed issues a new URL." }) active!: boolean;
  @Field(() => Date, { description: "When the current URL was issued." }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: "Approximate: updated at most once a minute." }) lastFetchedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;

  static from(e: CalendarFeedEntity): CalendarFeed {
    return Object.assign(new CalendarFeed(), {
      active: e.revokedAt === null,
      createdAt: e.createdAt,
      lastFetchedAt: e.lastFetchedAt,
      revokedAt: e.revokedAt,
    });
  }
}

@ObjectType("CalendarFeedUrl", { description: "A new feed URL: store it now (subscribe a calendar app to it), it cannot be shown again." })
export class CalendarFeedUrl {
  @Field(() => String, { description: "`<CALENDAR_FEED_BASE_URL>/calendar/cal_<secret>.ics`; anyone with it can read the feed." })
  url!: string;
}

/** What the gateway needs to serve a feed. Internal: kept out of the client-facing schema. */
@Directive("@inaccessible")
@ObjectType("CalendarFeedOwner")
export class CalendarFeedOwner {
  @Field(() => ID) userId!: string;
}
