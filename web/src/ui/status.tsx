import type { ReactNode } from "react";

import { describeError } from "../api/api-error";

/** A busy region screen readers announce; `label` says what is loading. */
export function Loading({ label = "Loading" }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}

/** What is shown where a list or chart has nothing yet, with the next step to take. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

/**
 * An API error as a person reads it: the sentence for its code, the server's detail for input
 * problems, and the code itself small (for support), never raw JSON.
 */
export function ErrorMessage({ error, overrides, onRetry }: { error: unknown; overrides?: Record<string, string>; onRetry?: () => void }) {
  const { title, detail, code } = describeError(error, overrides);
  return (
    <div className="error" role="alert" data-code={code}>
      <p className="error-title">{title}</p>
      {detail && <p className="error-detail">{detail}</p>}
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
