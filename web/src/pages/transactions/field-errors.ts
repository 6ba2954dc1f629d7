import { ApiError } from "../../api/api-error";

/**
 * The API's input errors by the field their `extensions.field` names ("payee", "splits.0.amount"),
 * so a form shows each under its own input; errors naming no field are left to the form's alert.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  if (!(error instanceof ApiError)) return found;
  for (const e of error.errors) {
    const field = e.extensions?.field;
    if (typeof field === "string" && !found[field]) found[field] = e.message;
  }
  return found;
}
