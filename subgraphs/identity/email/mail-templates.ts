/**
 * Texts of the mails identity sends. They never quote user-chosen text (display name): anyone can
 * register someone else's address, and a name like "Win a prize at evil.example" would turn our
 * verification mail into their spam.
 */

export interface MailContent {
  subject: string;
  text: string;
}

/** `${appUrl}/<path>?token=...`, keeping any path the app is served under. */
export function linkTo(appUrl: string, path: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/${path}?token=${encodeURIComponent(token)}`;
}

export function verificationMail(appUrl: string, token: string): MailContent {
  return {
    subject: "Confirm your e-mail address for Moneta",
    text: [
      "Hello,",
      "",
      "Please confirm that this address belongs to your Moneta account by opening this link:",
      "",
      linkTo(appUrl, "verify-email", token),
      "",
      "The link works once and expires in 24 hours.",
      "If you did not create a Moneta account, ignore this message.",
    ].join("\n"),
  };
}

export function passwordResetMail(appUrl: string, token: string): MailContent {
  return {
    subject: "Reset your Moneta password",
    text: [
      "Hello,",
      "",
      "Someone (hopefully you) asked to reset the password of your Moneta account. To choose a new one, open:",
      "",
      linkTo(appUrl, "reset-password", token),
      "",
      "The link works once and expires in 1 hour. Resetting signs out every device.",
      "If you did not ask for this, ignore this message: your password stays as it is.",
    ].join("\n"),
  };
}

export function passwordChangedMail(how: "changed" | "reset"): MailContent {
  return {
    subject: "Your Moneta password was changed",
    text: [
      "Hello,",
      "",
      how === "reset"
        ? "The password of your Moneta account was just reset through an e-mail link, and every device was signed out."
        : "The password of your Moneta account was just changed, and your other devices were signed out.",
      "",
      "If this was not you, reset your password now and review your account's security events.",
    ].join("\n"),
  };
}
