import "./groups.css";

import { Link } from "react-router";

import { useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { isNegative } from "../../format/money";
import { GroupsPageListDocument, type GroupsPageListQuery } from "../../generated/graphql";
import { Card, PageHeader } from "../../ui/card";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { CreateGroupForm, JoinGroupForm } from "./groups-forms";
import { roleLabel } from "./roles";

type GroupRow = GroupsPageListQuery["groups"][number];

function GroupItem({ group }: { group: GroupRow }) {
  const format = useFormat();
  const balance = group.me.balance;
  return (
    <li className="group-item">
      <div>
        <Link to={`/groups/${group.id}`} className="group-name">
          {group.name}
        </Link>
        <p className="muted">
          {group.members.length} {group.members.length === 1 ? "member" : "members"} · {group.currency} · {roleLabel(group.myRole)}
          {group.archived && " · archived"}
        </p>
      </div>
      {balance && (
        <p className={`amount ${isNegative(balance) ? "negative" : ""}`}>
          <span className="muted">{isNegative(balance) ? "You owe" : "Your balance"} </span>
          {format.money(balance, { signed: true })}
        </p>
      )}
    </li>
  );
}

/** The groups the signed-in person shares expenses and savings with, and the ways into a new one. */
export default function GroupsPage() {
  const groups = useApiQuery(GroupsPageListDocument, {});
  return (
    <>
      <PageHeader title="Groups" />
      <div className="stack">
        <Card title="Your groups" id="groups-list">
          {groups.error ? (
            <ErrorMessage error={groups.error} onRetry={() => void groups.refetch()} />
          ) : !groups.data ? (
            <Loading label="Loading your groups" />
          ) : groups.data.groups.length === 0 ? (
            <EmptyState title="You are not in any group yet">
              <p className="muted">Create one below for a household, a trip or a flat, or join one with an invite code.</p>
            </EmptyState>
          ) : (
            <ul className="plain">
              {groups.data.groups.map((group) => (
                <GroupItem key={group.id} group={group} />
              ))}
            </ul>
          )}
        </Card>
        <div className="grid">
          <Card title="Create a group" id="group-create">
            <CreateGroupForm />
          </Card>
          <Card title="Join with an invite code" id="group-join">
            <JoinGroupForm />
          </Card>
        </div>
      </div>
    </>
  );
}
