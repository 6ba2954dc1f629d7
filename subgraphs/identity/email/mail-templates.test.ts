import { describe, expect, it } from "vitest";

import { linkTo, passwordResetMail, verificationMail } from "./mail-templates.js";

describe("mail templates", () => {
  it("builds links under the app URL, keeping its path and dropping a trailing slash", () => {
    expect(linkTo("http://localhost:3000", "verify-email", "abc_-1")).toBe("http://localhost:3000/verify-email?token=abc_-1");
    expect(linkTo("https://moneta.example/app/", "reset-password", "t")).toBe("https://moneta.example/app/reset-password?token=t");
  });

  it("puts the link in the text and nothing user-chosen in the subject", () => {
    const verify = verificationMail("https://moneta.example", "TOKEN123");
    expect(verify.text).toContain("https://moneta.example/verify-email?token=TOKEN123");
    expect(verify.subject).not.toContain("TOKEN123");
    const reset = passwordResetMail("https://moneta.example", "TOKEN456");
    expect(reset.text).toContain("https://moneta.example/reset-password?token=TOKEN456");
    expect(reset.text).toMatch(/1 hour/);
  });
});
