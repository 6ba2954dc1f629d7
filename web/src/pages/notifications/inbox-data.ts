import type {
  NotificationsPageInboxQuery,
  NotificationsPageInboxQueryVariables,
  NotificationsPageItemFragment,
} from "../../generated/graphql";

export const PAGE_SIZE = 20;

/** One page's variables, built the same way everywhere so the cache key matches. */
export const inboxVariables = (after: string | null, unreadOnly: boolean): NotificationsPageInboxQueryVariables => ({
  first: PAGE_SIZE,
  after,
  unreadOnly,
});

/**
 * The first page with a notification that just arrived on top (once, however often it is sent),
 * and the unread count raised for it.
 */
export function prependNotification(page: NotificationsPageInboxQuery, item: NotificationsPageItemFragment): NotificationsPageInboxQuery {
  if (page.notifications.nodes.some((n) => n.id === item.id)) return page;
  return {
    ...page,
    unreadNotificationCount: page.unreadNotificationCount + (item.readAt ? 0 : 1),
    notifications: { ...page.notifications, nodes: [item, ...page.notifications.nodes] },
  };
}
