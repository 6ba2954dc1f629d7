import { Link } from "react-router";

import { useFormat } from "../../app/viewer";
import type { NotificationsPageItemFragment } from "../../generated/graphql";

/** One notification: unread ones stand out and can be marked read; a link opens what it is about. */
export function NotificationItem({
  item,
  onMarkRead,
  busy,
}: {
  item: NotificationsPageItemFragment;
  onMarkRead: (id: string) => void;
  busy: boolean;
}) {
  const format = useFormat();
  const unread = !item.readAt;
  return (
    <li className={`notification ${unread ? "unread" : ""}`} data-testid="notification">
      <div className="notification-text">
        <p className="notification-title">
          {unread && <span className="badge">New</span>} {item.priority === "HIGH" && <span className="badge high">Important</span>}{" "}
          <strong>{item.title}</strong>
        </p>
        <p>{item.body}</p>
        <p className="muted">
          <time dateTime={item.createdAt}>{format.instant(item.createdAt)}</time>
          {item.link && (
            <>
              {" · "}
              <Link to={item.link}>Open</Link>
            </>
          )}
        </p>
      </div>
      {unread && (
        <button
          type="button"
          className="button secondary small"
          disabled={busy}
          onClick={() => onMarkRead(item.id)}
          aria-label={`Mark read: ${item.title}`}
        >
          Mark read
        </button>
      )}
    </li>
  );
}
