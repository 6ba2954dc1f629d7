import { Field, ID, Int, ObjectType } from "type-graphql";

import type { AdminUserView } from "./admin.service.js";
import type { ComponentHealth, SystemHealthReport } from "./system-health.js";

@ObjectType("AdminUser", { description: "An account as an operator sees it: identity facts only, never financial data." })
export class AdminUser {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Boolean) emailVerified!: boolean;
  @Field(() => Boolean) mfaEnabled!: boolean;
  @Field(() => Date, { nullable: true, description: "Set while an operator has the account locked." }) lockedAt!: Date | null;
  @Field(() => String, { nullable: true }) lockedReason!: string | null;
  @Field(() => Int, { description: "Sessions that can still refresh." }) activeSessions!: number;
  @Field(() => Date, { nullable: true }) lastSeenAt!: Date | null;
  @Field(() => Boolean, { description: "Holds the operator role." }) admin!: boolean;

  static from(view: AdminUserView): AdminUser {
    const { user } = view;
    return Object.assign(new AdminUser(), {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      createdAt: user.createdAt,
      emailVerified: user.emailVerifiedAt !== null,
      mfaEnabled: user.mfaEnabledAt !== null,
      lockedAt: user.lockedAt,
      lockedReason: user.lockedReason,
      activeSessions: view.activeSessions,
      lastSeenAt: view.lastSeenAt,
      admin: view.admin,
    });
  }
}

@ObjectType("ComponentHealth")
export class ComponentHealthType {
  @Field(() => String, { description: "database, cache, outbox, or subgraph:<name>." }) name!: string;
  @Field(() => Boolean) ok!: boolean;
  @Field(() => Int) latencyMs!: number;
  @Field(() => String, { nullable: true }) detail!: string | null;

  static from(c: ComponentHealth): ComponentHealthType {
    return Object.assign(new ComponentHealthType(), c);
  }
}

@ObjectType("SystemHealth")
export class SystemHealthType {
  @Field(() => Boolean, { description: "Every component answered and is healthy." }) ok!: boolean;
  @Field(() => Date) checkedAt!: Date;
  @Field(() => [ComponentHealthType]) components!: ComponentHealthType[];

  static from(report: SystemHealthReport): SystemHealthType {
    return Object.assign(new SystemHealthType(), { ...report, components: report.components.map(ComponentHealthType.from) });
  }
}
