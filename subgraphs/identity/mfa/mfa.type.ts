import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "A pending TOTP enrolment: add it to an authenticator app, then confirmMfa with a code from it." })
export class MfaEnrolment {
  @Field(() => String, { description: "Base32 secret, for typing into the app by hand." })
  secret!: string;

  @Field(() => String, { description: "`otpauth://` URI to show as a QR code." })
  otpauthUri!: string;
}

@ObjectType({ description: "MFA is on. The backup codes are shown this once; each signs in once in place of a code." })
export class MfaActivation {
  @Field(() => Date)
  enabledAt!: Date;

  @Field(() => [String])
  backupCodes!: string[];
}
