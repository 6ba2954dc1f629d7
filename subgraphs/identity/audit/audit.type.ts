import { GraphQLJSONObject } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";

import type { AuditEventEntity } from "./audit-event.entity.js";

@ObjectType("SecurityEvent", { description: "An entry of the account's security log." })
export class SecurityEvent {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "e.g. LOGIN_SUCCEEDED, LOGIN_FAILED, MFA_ENABLED, API_KEY_CREATED." }) type!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => String, { nullable: true }) ip!: string | null;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field(() => GraphQLJSONObject) details!: Record<string, unknown>;

  static from(e: AuditEventEntity): SecurityEvent {
    return Object.assign(new SecurityEvent(), {
      id: e.id,
      type: e.type,
      occurredAt: e.occurredAt,
      ip: e.ip,
      userAgent: e.userAgent,
      details: e.details,
    });
  }
}
