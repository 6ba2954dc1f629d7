import { useApiQuery } from "../../api/hooks";
import { NotificationsPageInboxDocument } from "../../generated/graphql";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { inboxVariables } from "./inbox-data";
import { NotificationItem } from "./notification-item";

/**
 * One page of the inbox (after `after`); the last page offers the next. Pages stay as loaded
 * so a notification arriving on top does not shift the ones below.
 */
export function InboxPage({
  after,
  unreadOnly,
  isFirst,
  isLast,
  onMore,
  onMarkRead,
  marking,
}: {
  after: string | null;
  unreadOnly: boolean;
  isFirst: boolean;
  isLast: boolean;
  onMore: (cursor: string) => void;
  onMarkRead: (id: string) => void;
  marking: boolean;
}) {
  const page = useApiQuery(NotificationsPageInboxDocument, inboxVariables(after, unreadOnly));
  if (page.error) return <ErrorMessage error={page.error} onRetry={() => void page.refetch()} />;
  if (!page.data) return <Loading label="Loading notifications" />;
  const { nodes, pageInfo } = page.data.notifications;
  if (isFirst && nodes.length === 0) {
    return <EmptyState title={unreadOnly ? "No unread notifications." : "No notifications yet."} />;
  }
  return (
    <>
      <ul className="plain inbox">
        {nodes.map((n) => (
          <NotificationItem key={n.id} item={n} onMarkRead={onMarkRead} busy={marking} />
        ))}
      </ul>
      {isLast && pageInfo.hasNextPage && pageInfo.endCursor && (
        <button type="button" className="button secondary" onClick={() => onMore(pageInfo.endCursor!)}>
          Show older
        </button>
      )}
    </>
  );
}
