import { type DocumentNode, GraphQLError } from "graphql";

/**
 * Error on a field removed for a caller who has not signed in at all: what they need is a credential,
 * not a different one.
 */
export const UNAUTHENTICATED_CODE = "UNAUTHENTICATED";
export const UNAUTHENTICATED_MESSAGE = "sign in required";
/** Error on a field removed for a signed-in caller (an API key) that lacks the field's scope. */
export const FORBIDDEN_CODE = "FORBIDDEN";
export const FORBIDDEN_MESSAGE = "this credential lacks a scope the field requires";

/** Message and code of a denial: UNAUTHENTICATED without a caller, FORBIDDEN for one without the scope. */
export function denialOf(signedIn: boolean): { message: string; code: string } {
  return signedIn ? { message: FORBIDDEN_MESSAGE, code: FORBIDDEN_CODE } : { message: UNAUTHENTICATED_MESSAGE, code: UNAUTHENTICATED_CODE };
}

/**
 * Response key of the `__typename` the filter adds wherever it removed a field: it keeps emptied
 * selection sets valid and tells the patcher the runtime type under abstract fields. `applyDenials`
 * deletes it again, so clients never see it.
 */
export const PLACEHOLDER_KEY = "_authzTypename";

/**
 * Non-null flags of a field's type from the outside in: the field value, then one per list level.
 * `[Entry!]!` is `[true, true]`, `String` is `[false]`, `[[Int]!]` is `[false, true, false]`.
 */
export type FieldShape = readonly boolean[];

/** One field removed from the operation, as seen from the response. */
export interface DeniedField {
  /** Response keys (aliases) from the root to the field; list positions are filled in by the patcher. */
  readonly path: readonly string[];
  /** `FieldShape` of the field at each path segment (same length as `path`). */
  readonly nonNull: readonly FieldShape[];
  /** Schema coordinate of the removed field, e.g. `User.email` (for logs and metrics). */
  readonly coordinate: string;
  /**
   * Runtime types of the parent object for which the field was selected (it sat in a type-conditioned
   * fragment narrower than the parent field's type); null when it applies to any parent object.
   */
  readonly possibleTypes: readonly string[] | null;
}

export interface FilterResult {
  /** The operation to plan and execute; the very document passed in when nothing was removed. */
  readonly document: DocumentNode;
  readonly denied: readonly DeniedField[];
}

/**
 * A field the caller may not see: in results, and raised when nothing executable would be left (a
 * subscription's root). UNAUTHENTICATED when nobody signed in, FORBIDDEN when the credential lacks a scope.
 */
export class UnauthorizedFieldError extends GraphQLError {
  /** Written for the client: survives the gateway's error masking (see platform/errors). */
  readonly clientSafe = true;
  constructor(path: readonly (string | number)[], signedIn: boolean) {
    const { message, code } = denialOf(signedIn);
    super(message, { path, extensions: { code } });
    this.name = "UnauthorizedFieldError";
  }
}
