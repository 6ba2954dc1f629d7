import { type FormEvent, useState } from "react";

import { useApiMutation } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import {
  GroupPageAddMemberDocument,
  GroupPageCreateInviteDocument,
  type GroupPageGroupFragment,
  GroupPageRemoveMemberDocument,
} from "../../generated/graphql";
import { Card } from "../../ui/card";
import { SubmitButton, TextField } from "../../ui/form";
import { EmptyState, ErrorMessage } from "../../ui/status";
import { canManage, roleLabel } from "./roles";

const REMOVE_ERRORS = { BALANCE_NOT_SETTLED: "Settle this member's balance before removing them." };

/** Admins: a single-use invite code, shown once, to pass on to the person joining. */
function InviteCode({ groupId }: { groupId: string }) {
  const format = useFormat();
  const invite = useApiMutation(GroupPageCreateInviteDocument, { invalidate: false });
  const created = invite.data?.createGroupInvite;
  return (
    <div className="stack">
      <button type="button" className="button secondary" disabled={invite.isPending} onClick={() => invite.mutate({ groupId })}>
        Create invite code
      </button>
      {invite.error && <ErrorMessage error={invite.error} />}
      {created?.code && (
        <p className="invite" aria-live="polite">
          Invite code: <output className="invite-code">{created.code}</output>
          <span className="muted"> · single use, valid until {format.instant(created.expiresAt, "short")}</span>
        </p>
      )}
    </div>
  );
}

/** Admins: someone without an account, whose share is tracked until they join and claim it. */
function AddPlaceholder({ groupId }: { groupId: string }) {
  const [name, setName] = useState("");
  const add = useApiMutation(GroupPageAddMemberDocument);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ input: { groupId, displayName: name.trim() } }, { onSuccess: () => setName("") });
  };
  return (
    <form className="row" onSubmit={submit} aria-label="Add a member without an account">
      <TextField label="Add someone without an account" required maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
      <SubmitButton busy={add.isPending}>Add member</SubmitButton>
      {add.error && <ErrorMessage error={add.error} />}
    </form>
  );
}

export function GroupMembers({ group }: { group: GroupPageGroupFragment }) {
  const remove = useApiMutation(GroupPageRemoveMemberDocument);
  const manage = canManage(group.myRole) && !group.archived;
  return (
    <Card title="Members" id="group-members">
      {group.members.length === 0 ? (
        <EmptyState title="No members" />
      ) : (
        <ul className="plain">
          {group.members.map((member) => (
            <li key={member.id} className="member-row">
              <span>
                {member.displayName}
                {member.isMe && <span className="muted"> (you)</span>}
              </span>
              <span className="row member-tags">
                <span className="badge">{roleLabel(member.role)}</span>
                {member.isPlaceholder && <span className="badge">No account yet</span>}
                {manage && !member.isMe && member.role !== "OWNER" && (
                  <button
                    type="button"
                    className="button danger small"
                    disabled={remove.isPending}
                    aria-label={`Remove ${member.displayName}`}
                    onClick={() => remove.mutate({ groupId: group.id, memberId: member.id })}
                  >
                    Remove
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {remove.error && <ErrorMessage error={remove.error} overrides={REMOVE_ERRORS} />}
      {manage && (
        <div className="stack member-actions">
          <InviteCode groupId={group.id} />
          <AddPlaceholder groupId={group.id} />
        </div>
      )}
    </Card>
  );
}
