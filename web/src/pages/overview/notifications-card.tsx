import { useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";

import { queryKeyOf, useApiQuery, useLive } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { OverviewNotificationReceivedDocument, OverviewNotificationsDocument } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";

/** Unread notifications: how many, and the latest few; a new one appears as it arrives. */
export function NotificationsCard() {
  const format = useFormat();
  const queries = useQueryClient();
  const query = useApiQuery(OverviewNotificationsDocument, {});
  useLive(OverviewNotificationReceivedDocument, {}, () => {
    void queries.invalidateQueries({ queryKey: queryKeyOf(OverviewNotificationsDocument, {}) });
  });
  const body = () => {
    if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
    if (!query.data) return <Loading label="Loading notifications" />;
    const { unreadNotificationCount: unread, notifications } = query.data;
    if (unread === 0) return <EmptyState title="You are all caught up" />;
    return (
      <>
        <p>
          <strong data-testid="unread-count">{unread}</strong> unread
        </p>
        <ul className="plain">
          {notifications.nodes.map((n) => (
            <li key={n.id}>
              <span className="notification-title">{n.title}</span>
              <span className="muted small-print"> · {format.instant(n.createdAt, "short")}</span>
              <p className="muted small-print notification-body">{n.body}</p>
            </li>
          ))}
        </ul>
      </>
    );
  };
  return (
    <Card title="Notifications" id="overview-notifications" actions={<Link to="/notifications">Inbox</Link>}>
      {body()}
    </Card>
  );
}
