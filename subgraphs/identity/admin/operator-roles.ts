import type { DataSource } from "typeorm";

import type { Clock } from "../../../platform/time/index.js";
import { AuditEventType, type AuditService } from "../audit/audit.service.js";
import { normalizeEmail } from "../users/email.js";
import { UserEntity } from "../users/user.entity.js";
import { UserRoleEntity } from "./user-role.entity.js";

export const ADMIN_ROLE = "admin";

/** What the command line reports back. */
export interface RoleChange {
  userId: string;
  email: string;
  changed: boolean;
}

export class UnknownUserError extends Error {
  override name = "UnknownUserError";
}

/**
 * Who holds the operator role. Granting and revoking are deliberately not in the GraphQL API: a
 * stolen session, even an admin's, cannot make another admin. `npm run admin` calls these on the
 * database directly, and the user's own security log records the change.
 */
export class OperatorRoles {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async isAdmin(userId: string): Promise<boolean> {
    return this.dataSource.getRepository(UserRoleEntity).existsBy({ userId, role: ADMIN_ROLE });
  }

  async grant(email: string): Promise<RoleChange> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.userByEmail(email, manager.getRepository(UserEntity));
      // An INSERT's RETURNING comes back as the rows alone (UPDATE and DELETE add a count).
      const inserted = (await manager.query(
        `INSERT INTO identity.user_roles (user_id, role, granted_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id`,
        [user.id, ADMIN_ROLE, this.clock.now()],
      )) as unknown[];
      if (inserted.length > 0)
        await this.audit.record(user.id, AuditEventType.ROLE_GRANTED, {}, { role: ADMIN_ROLE, by: "command line" }, manager);
      return { userId: user.id, email: user.email, changed: inserted.length > 0 };
    });
  }

  async revoke(email: string): Promise<RoleChange> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.userByEmail(email, manager.getRepository(UserEntity));
      const result = await manager.delete(UserRoleEntity, { userId: user.id, role: ADMIN_ROLE });
      const changed = (result.affected ?? 0) > 0;
      if (changed) await this.audit.record(user.id, AuditEventType.ROLE_REVOKED, {}, { role: ADMIN_ROLE, by: "command line" }, manager);
      return { userId: user.id, email: user.email, changed };
    });
  }

  /** Every admin's e-mail, for `npm run admin -- list`. */
  async list(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT u.email FROM identity.user_roles r JOIN identity.users u ON u.id = r.user_id WHERE r.role = $1 ORDER BY u.email`,
      [ADMIN_ROLE],
    )) as Array<{ email: string }>;
    return rows.map((r) => r.email);
  }

  private async userByEmail(email: string, users: { findOneBy(where: { email: string }): Promise<UserEntity | null> }) {
    const user = await users.findOneBy({ email: normalizeEmail(email) });
    if (!user) throw new UnknownUserError(`no user with the e-mail address ${email}`);
    return user;
  }
}
