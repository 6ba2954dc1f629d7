import "./notifications.css";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { queryKeyOf, useApiMutation, useApiQuery, useLive } from "../../api/hooks";
import {
  NotificationsPageInboxDocument,
  type NotificationsPageInboxQuery,
  NotificationsPageMarkReadDocument,
  NotificationsPageReceivedDocument,
} from "../../generated/graphql";
import { Card, PageHeader } from "../../ui/card";
import { SelectField } from "../../ui/form";
import { ErrorMessage } from "../../ui/status";
import { inboxVariables, prependNotification } from "./inbox-data";
import { InboxPage } from "./inbox-page";

/** The inbox: newest first, paged, unread only on request, new ones arriving on top as they happen. */
export default function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const queries = useQueryClient();
  const mark = useApiMutation(NotificationsPageMarkReadDocument);
  const first = useApiQuery(NotificationsPageInboxDocument, inboxVariables(null, unreadOnly));
  const unread = first.data?.unreadNotificationCount;

  useLive(NotificationsPageReceivedDocument, {}, ({ notificationReceived }) => {
    for (const filter of [false, true]) {
      queries.setQueryData<NotificationsPageInboxQuery>(queryKeyOf(NotificationsPageInboxDocument, inboxVariables(null, filter)), (page) =>
        page ? prependNotification(page, notificationReceived) : page,
      );
    }
  });

  const show = (value: boolean) => {
    setUnreadOnly(value);
    setCursors([null]);
  };

  return (
    <div className="notifications stack">
      <PageHeader title="Notifications">
        <SelectField label="Show" value={unreadOnly ? "unread" : "all"} onChange={(e) => show(e.target.value === "unread")}>
          <option value="all">All</option>
          <option value="unread">Unread only</option>
        </SelectField>
      </PageHeader>
      <Card
        title={unread === undefined ? "Inbox" : `Inbox (${unread} unread)`}
        id="inbox"
        actions={
          unread ? (
            <button
              type="button"
              className="button secondary small"
              disabled={mark.isPending}
              onClick={() => mark.mutate({ input: { all: true } })}
            >
              Mark all read
            </button>
          ) : undefined
        }
      >
        {mark.error && <ErrorMessage error={mark.error} />}
        <div>
          {cursors.map((after, i) => (
            <InboxPage
              key={after ?? "first"}
              after={after}
              unreadOnly={unreadOnly}
              isFirst={i === 0}
              isLast={i === cursors.length - 1}
              onMore={(cursor) => setCursors((all) => [...all, cursor])}
              onMarkRead={(id) => mark.mutate({ input: { ids: [id] } })}
              marking={mark.isPending}
            />
          ))}
        </div>
      </Card>
    </div>
  );
}
