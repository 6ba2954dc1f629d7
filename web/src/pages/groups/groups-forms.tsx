import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";

import { useApiMutation } from "../../api/hooks";
import { useFormat, useViewer } from "../../app/viewer";
import { GroupsPageCreateDocument, GroupsPageJoinDocument } from "../../generated/graphql";
import { SelectField, SubmitButton, TextField } from "../../ui/form";
import { ErrorMessage } from "../../ui/status";

const CURRENCIES = ["EUR", "USD", "GBP", "CHF", "JPY", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN", "INR"];

/** Starts a group (the creator is its owner) and opens it. */
export function CreateGroupForm() {
  const viewer = useViewer();
  const format = useFormat();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [currency, setCurrency] = useState(format.baseCurrency);
  const [displayName, setDisplayName] = useState(viewer.displayName);
  const create = useApiMutation(GroupsPageCreateDocument);
  const currencies = CURRENCIES.includes(format.baseCurrency) ? CURRENCIES : [format.baseCurrency, ...CURRENCIES];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { input: { name: name.trim(), currency, displayName: displayName.trim() || undefined } },
      { onSuccess: ({ createGroup }) => void navigate(`/groups/${createGroup.id}`) },
    );
  };
  return (
    <form className="stack" onSubmit={submit} aria-label="Create a group">
      <TextField label="Group name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      <SelectField label="Group currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
        {currencies.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </SelectField>
      <TextField label="Your name in the group" maxLength={60} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      {create.error && <ErrorMessage error={create.error} />}
      <SubmitButton busy={create.isPending}>Create group</SubmitButton>
    </form>
  );
}

/** Joins a group with the single-use code an admin shared, and opens it. */
export function JoinGroupForm() {
  const viewer = useViewer();
  const navigate = useNavigate();
  const [code, setCode] = useState("");
  const [displayName, setDisplayName] = useState(viewer.displayName);
  const join = useApiMutation(GroupsPageJoinDocument);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    join.mutate(
      { code: code.trim(), displayName: displayName.trim() || undefined },
      { onSuccess: ({ joinGroup }) => void navigate(`/groups/${joinGroup.id}`) },
    );
  };
  return (
    <form className="stack" onSubmit={submit} aria-label="Join a group">
      <TextField label="Invite code" required autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} />
      <TextField label="Your name in the group" maxLength={60} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      {join.error && <ErrorMessage error={join.error} />}
      <SubmitButton busy={join.isPending}>Join group</SubmitButton>
    </form>
  );
}
