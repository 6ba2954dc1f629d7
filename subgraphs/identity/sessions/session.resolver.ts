import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";

import { type RequestContext, requireSessionUserId } from "../../../platform/graphql/index.js";
import { AuditEventType } from "../audit/audit.service.js";
import type { IdentityDeps } from "../identity.deps.js";
import { Session } from "./session.type.js";

@Resolver(() => Session)
export class SessionResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Query(() => [Session], { description: "The caller's signed-in devices." })
  async sessions(@Ctx() ctx: RequestContext): Promise<Session[]> {
    return (await this.deps.sessions.list(requireSessionUserId(ctx))).map((s) => Session.from(s, ctx.caller.sessionId));
  }

  @Mutation(() => Boolean, { description: "Signs one of the caller's devices out." })
  async revokeSession(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<boolean> {
    const userId = requireSessionUserId(ctx);
    await this.deps.sessions.revoke(userId, id, "revoked-by-user");
    await this.deps.audit.record(userId, AuditEventType.SESSION_REVOKED, ctx.client, { sessionId: id });
    return true;
  }

  @Mutation(() => Int, { description: "Signs every device out, the current one included; returns how many." })
  async revokeAllSessions(@Ctx() ctx: RequestContext): Promise<number> {
    const userId = requireSessionUserId(ctx);
    const count = await this.deps.sessions.revokeAll(userId, "revoked-all-by-user");
    await this.deps.audit.record(userId, AuditEventType.ALL_SESSIONS_REVOKED, ctx.client, { count });
    return count;
  }
}
