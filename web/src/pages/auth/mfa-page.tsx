import { type FormEvent, useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";

import { toSessionTokens, useApi } from "../../api/api-context";
import { useApiMutation } from "../../api/hooks";
import { VerifyMfaCodeDocument } from "../../generated/graphql";
import { SubmitButton, TextField } from "../../ui/form";
import { ErrorMessage } from "../../ui/status";
import { AuthFrame } from "./auth-frame";

/** The second step of a sign-in with two-factor authentication: a code from the app, or a backup code. */
export function MfaPage() {
  const { session } = useApi();
  const navigate = useNavigate();
  const state = useLocation().state as { challenge?: string; from?: string } | null;
  const [code, setCode] = useState("");
  const verify = useApiMutation(VerifyMfaCodeDocument, { invalidate: false });
  if (!state?.challenge) return <Navigate to="/signin" replace />;
  const challenge = state.challenge;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate(
      { challenge, code: code.replace(/\s/g, "") },
      {
        onSuccess: ({ verifyMfa }) => {
          session.start(toSessionTokens(verifyMfa));
          void navigate(state.from ?? "/", { replace: true });
        },
      },
    );
  };

  return (
    <AuthFrame title="Two-step verification">
      <form onSubmit={submit} className="stack" aria-label="Verification code">
        <TextField
          label="Code from your authenticator app (or a backup code)"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        {verify.error && (
          <ErrorMessage
            error={verify.error}
            overrides={{ UNAUTHENTICATED: "That code is not valid, or the sign-in took too long. Try again." }}
          />
        )}
        <SubmitButton busy={verify.isPending}>Verify</SubmitButton>
      </form>
    </AuthFrame>
  );
}
