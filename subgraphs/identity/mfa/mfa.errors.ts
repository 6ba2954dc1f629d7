import { badInput, conflict, unauthenticated } from "../../../platform/errors/index.js";

/** Unknown, expired and used challenges look alike: the answer must not help probe them. */
export const invalidChallenge = () => unauthenticated("invalid or expired MFA challenge");
export const invalidLoginCode = () => unauthenticated("invalid code");
/** Not UNAUTHENTICATED: the session is fine, and clients sign out on that code. */
export const invalidCode = () => badInput("invalid code", { field: "code" });
export const mfaAlreadyEnabled = () => conflict("MFA is already enabled; disable it first");
export const noPendingEnrolment = () => conflict("no MFA enrolment to confirm; call enrolMfa first");
export const mfaNotEnabled = () => conflict("MFA is not enabled");
