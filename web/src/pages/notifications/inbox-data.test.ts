import { describe, expect, it } from "vitest";

import { inboxVariables, prependNotification } from "./inbox-data";

const item = (id: string, readAt: string | null = null) => ({
  id,
  kind: "NEW_SIGN_IN" as const,
  priority: "NORMAL",
  title: `Title ${id}`,
  body: "Body",
  link: null,
  createdAt: "2026-12-06T10:00:00Z",
  readAt,
});
const page = {
  unreadNotificationCount: 1,
  notifications: { nodes: [item("a")], pageInfo: { hasNextPage: false, endCursor: "c1" } },
};

describe("the inbox's live updates", () => {
  it("puts a new notification on top and counts it unread", () => {
    const next = prependNotification(page, item("b"));
    expect(next.notifications.nodes.map((n) => n.id)).toEqual(["b", "a"]);
    expect(next.unreadNotificationCount).toBe(2);
    expect(next.notifications.pageInfo).toEqual(page.notifications.pageInfo);
  });

  it("ignores one it already shows", () => {
    expect(prependNotification(page, item("a"))).toBe(page);
  });

  it("does not count a read one", () => {
    expect(prependNotification(page, item("c", "2026-12-06T11:00:00Z")).unreadNotificationCount).toBe(1);
  });

  it("builds the same variables for the same page", () => {
    expect(inboxVariables(null, true)).toEqual({ first: 20, after: null, unreadOnly: true });
  });
});
