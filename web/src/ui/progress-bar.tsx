/**
 * A progress bar with its figure for assistive technology: `value` is a percentage (may pass 100
 * when over budget). `tone` colours it: ok, warning, critical.
 */
export function ProgressBar({
  value,
  label,
  tone = "ok",
  testId,
}: {
  value: number;
  label: string;
  tone?: "ok" | "warning" | "critical";
  testId?: string;
}) {
  const shown = Math.max(0, Math.min(100, value));
  return (
    <div
      className={`progress progress-${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(shown)}
      aria-valuetext={`${Math.round(value)}%`}
      data-testid={testId}
      data-value={value.toFixed(1)}
    >
      <div className="progress-fill" style={{ width: `${shown}%` }} />
    </div>
  );
}
