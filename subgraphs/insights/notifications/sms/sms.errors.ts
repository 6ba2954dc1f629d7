import { badInput, ClientError, ErrorCode } from "../../../../platform/errors/index.js";

export const smsDailyCapReached = (cap: number, field = "phoneNumber") =>
  new ClientError("SMS_DAILY_CAP_REACHED", `no more than ${cap} text messages a day can be sent to you; try again tomorrow`, {
    field,
    cap,
  });

export const codeResendTooSoon = (retryAfterSeconds: number) =>
  new ClientError(ErrorCode.RATE_LIMITED, `a code was sent moments ago; ask for another in ${retryAfterSeconds} s`, {
    field: "phoneNumber",
    retryAfterSeconds,
  });

export const smsNotSent = () =>
  new ClientError("SMS_NOT_SENT", "the text message could not be sent; check the number or try again later", { field: "phoneNumber" });

export const noVerificationInProgress = () =>
  badInput("no phone verification is in progress; start one with startPhoneVerification", { field: "code" });

export const codeExpired = () => badInput("the code has expired; ask for a new one", { field: "code", reason: "EXPIRED" });

export const tooManyCodeAttempts = () =>
  badInput("too many wrong codes; ask for a new one", { field: "code", reason: "TOO_MANY_ATTEMPTS" });

export const wrongCode = (attemptsLeft: number) => badInput("the code is not right", { field: "code", reason: "WRONG_CODE", attemptsLeft });
