import "./groups.css";

import { Link, useParams } from "react-router";

import { useApiQuery, useLive } from "../../api/hooks";
import { GroupPageDetailDocument, GroupPageGroupUpdatedDocument } from "../../generated/graphql";
import { PageHeader } from "../../ui/card";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { GroupBalances } from "./group-balances";
import { useGroupCache } from "./group-cache";
import { GroupExpenses } from "./group-expenses";
import { GroupGoals } from "./group-goals";
import { GroupMembers } from "./group-members";

/**
 * One group: members, expenses, balances with the settle-up plan, and savings goals. It stays
 * live: a change by any member (a new expense, a settlement, someone joining) replaces the group
 * in place, and each goal follows its own subscription.
 */
export default function GroupPage() {
  const { groupId = "" } = useParams();
  const detail = useApiQuery(GroupPageDetailDocument, { id: groupId });
  const cache = useGroupCache(groupId);
  useLive(GroupPageGroupUpdatedDocument, { id: groupId }, ({ groupUpdated }) => cache.group(groupUpdated));

  if (detail.error) {
    return (
      <>
        <PageHeader title="Group" />
        <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  if (!detail.data) return <Loading label="Loading the group" />;
  const group = detail.data.group;
  if (!group) {
    return (
      <>
        <PageHeader title="Group" />
        <EmptyState title="This group does not exist, or you are no longer a member">
          <Link to="/groups">Back to your groups</Link>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title={group.name}>
        <span className="badge">{group.currency}</span>
        {group.archived && <span className="badge">Archived</span>}
        <Link to="/groups" className="button secondary small">
          All groups
        </Link>
      </PageHeader>
      <div className="group-layout">
        <GroupBalances group={group} />
        <GroupGoals group={group} />
        <GroupExpenses group={group} />
        <GroupMembers group={group} />
      </div>
    </>
  );
}
