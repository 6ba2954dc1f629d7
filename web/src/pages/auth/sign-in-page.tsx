import { type FormEvent, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";

import { toSessionTokens, useApi } from "../../api/api-context";
import { useApiMutation } from "../../api/hooks";
import { SignInDocument } from "../../generated/graphql";
import { SubmitButton, TextField } from "../../ui/form";
import { ErrorMessage } from "../../ui/status";
import { AuthFrame } from "./auth-frame";

/** On this form a refused sign-in is a wrong password, not an ended session. */
export const SIGN_IN_MESSAGES = { UNAUTHENTICATED: "That e-mail and password do not match." };

export function SignInPage() {
  const { session } = useApi();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useApiMutation(SignInDocument, { invalidate: false });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { input: { email, password } },
      {
        onSuccess: ({ login }) => {
          if (login.__typename === "MfaChallenge") {
            void navigate("/signin/mfa", { state: { challenge: login.challenge, from } });
            return;
          }
          session.start(toSessionTokens(login));
          void navigate(from, { replace: true });
        },
      },
    );
  };

  return (
    <AuthFrame title="Sign in">
      <form onSubmit={submit} className="stack" aria-label="Sign in">
        <TextField label="E-mail" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {signIn.error && <ErrorMessage error={signIn.error} overrides={SIGN_IN_MESSAGES} />}
        <SubmitButton busy={signIn.isPending}>Sign in</SubmitButton>
      </form>
      <p className="auth-switch">
        New to Moneta? <Link to="/register">Create an account</Link>
      </p>
    </AuthFrame>
  );
}
