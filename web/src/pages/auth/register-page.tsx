import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";

import { toSessionTokens, useApi } from "../../api/api-context";
import { useApiMutation } from "../../api/hooks";
import { RegisterUserDocument } from "../../generated/graphql";
import { SelectField, SubmitButton, TextField } from "../../ui/form";
import { ErrorMessage } from "../../ui/status";
import { AuthFrame } from "./auth-frame";

/** Currencies offered first; the API takes any ISO 4217 code. */
const CURRENCIES = ["EUR", "USD", "GBP", "CHF", "JPY", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN", "INR", "KWD"];

/** A best guess from the browser's region, so most people need not touch the field. */
function guessCurrency(): string {
  const region = new Intl.Locale(navigator.language).maximize().region;
  const byRegion: Record<string, string> = {
    US: "USD",
    GB: "GBP",
    CH: "CHF",
    JP: "JPY",
    CA: "CAD",
    AU: "AUD",
    SE: "SEK",
    NO: "NOK",
    DK: "DKK",
    PL: "PLN",
    IN: "INR",
    KW: "KWD",
  };
  return (region && byRegion[region]) ?? "EUR";
}

export function RegisterPage() {
  const { session } = useApi();
  const navigate = useNavigate();
  const [displayName, setDisplayName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [baseCurrency, setBaseCurrency] = useState(guessCurrency);
  const register = useApiMutation(RegisterUserDocument, { invalidate: false });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate(
      { input: { displayName, email, password, baseCurrency } },
      {
        onSuccess: ({ register: tokens }) => {
          session.start(toSessionTokens(tokens));
          void navigate("/", { replace: true });
        },
      },
    );
  };

  return (
    <AuthFrame title="Create your account">
      <form onSubmit={submit} className="stack" aria-label="Create your account">
        <TextField
          label="Your name"
          autoComplete="name"
          required
          maxLength={100}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <TextField label="E-mail" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          hint="At least 12 characters; a few unusual words work well."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <SelectField label="Main currency" value={baseCurrency} onChange={(e) => setBaseCurrency(e.target.value)}>
          {CURRENCIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </SelectField>
        {register.error && <ErrorMessage error={register.error} />}
        <SubmitButton busy={register.isPending}>Create account</SubmitButton>
      </form>
      <p className="auth-switch">
        Already have an account? <Link to="/signin">Sign in</Link>
      </p>
    </AuthFrame>
  );
}
