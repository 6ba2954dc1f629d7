import type { DataSource, EntityManager } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import { normalizeCurrency } from "../../../platform/money/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import { MemberEntity } from "../members/member.entity.js";
import { GroupEntity } from "./group.entity.js";
import { text } from "./group.errors.js";
import { memberOf, requireAccess } from "./group-access.js";
import type { GroupEvents } from "./group-events.js";

/** A user belongs to at most this many groups at once (archived ones included). */
export const MAX_GROUPS_PER_USER = 200;
export const GROUP_NAME_MAX = 100;
export const DISPLAY_NAME_MAX = 60;

export interface NewGroup {
  name: string;
  currency: string;
  /** How the creator appears to the others; "Owner" when left out. */
  displayName?: string | null;
}

/** Creating, renaming and archiving groups, and reading the caller's. */
export class GroupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly events: GroupEvents,
  ) {}

  async create(userId: string, input: NewGroup, traceId: string): Promise<GroupEntity> {
    const name = text(input.name, "name", GROUP_NAME_MAX);
    const currency = normalizeCurrency(input.currency);
    const displayName = text(input.displayName ?? "Owner", "displayName", DISPLAY_NAME_MAX);
    return this.dataSource.transaction(async (manager) => {
      // Serialises one user's joins and creations, so the cap holds under concurrent requests.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('groups.memberships:' || $1))`, [userId]);
      await this.assertBelowGroupCap(manager, userId);
      const now = this.clock.now();
      const group = Object.assign(new GroupEntity(), { id: this.ids.next(), name, currency, archivedAt: null, createdAt: now });
      await manager.insert(GroupEntity, group);
      await manager.insert(
        MemberEntity,
        Object.assign(new MemberEntity(), {
          id: this.ids.next(),
          groupId: group.id,
          userId,
          displayName,
          role: "OWNER",
          position: 1,
          removedAt: null,
          createdAt: now,
        }),
      );
      await this.events.updated(manager, traceId, group.id, "CREATED");
      return group;
    });
  }

  async rename(userId: string, groupId: string, newName: string, traceId: string): Promise<GroupEntity> {
    const name = text(newName, "name", GROUP_NAME_MAX);
    return this.dataSource.transaction(async (manager) => {
      const { group } = await requireAccess(manager, userId, groupId, { role: "ADMIN", writable: true, lock: "update" });
      if (group.name !== name) {
        await manager.update(GroupEntity, { id: group.id }, { name });
        group.name = name;
        await this.events.updated(manager, traceId, group.id, "RENAMED");
      }
      return group;
    });
  }

  /** Archived groups are read-only; only the owner archives, and archiving twice changes nothing. */
  async archive(userId: string, groupId: string, traceId: string): Promise<GroupEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { group } = await requireAccess(manager, userId, groupId, { role: "OWNER", lock: "update" });
      if (!group.archivedAt) {
        group.archivedAt = this.clock.now();
        await manager.update(GroupEntity, { id: group.id }, { archivedAt: group.archivedAt });
        await this.events.updated(manager, traceId, group.id, "ARCHIVED");
      }
      return group;
    });
  }

  /** The caller's groups, oldest first. */
  async list(userId: string, includeArchived: boolean): Promise<GroupEntity[]> {
    return this.find(this.dataSource.manager, userId, null, includeArchived);
  }

  /** The caller's groups among `ids`, in any order; others' and malformed ids are left out. */
  async findForUser(userId: string, ids: readonly string[]): Promise<GroupEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length === 0 ? [] : this.find(this.dataSource.manager, userId, valid, true);
  }

  async assertBelowGroupCap(manager: EntityManager, userId: string): Promise<void> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM groups.members WHERE user_id = $1 AND removed_at IS NULL`, [userId]);
    if ((row.n as number) >= MAX_GROUPS_PER_USER) throw badInput(`at most ${MAX_GROUPS_PER_USER} groups per user`);
  }

  private async find(manager: EntityManager, userId: string, ids: string[] | null, includeArchived: boolean): Promise<GroupEntity[]> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT g.id, g.name, g.currency, g.archived_at, g.created_at FROM groups.groups g
       WHERE ${memberOf("g.id", "$1")} AND ($2::uuid[] IS NULL OR g.id = ANY($2::uuid[])) AND ($3 OR g.archived_at IS NULL)
       ORDER BY g.created_at, g.id`,
      [userId, ids, includeArchived],
    );
    return rows.map((row) =>
      Object.assign(new GroupEntity(), {
        id: row.id as string,
        name: row.name as string,
        currency: (row.currency as string).trim(),
        archivedAt: row.archived_at ? new Date(row.archived_at as string) : null,
        createdAt: new Date(row.created_at as string),
      }),
    );
  }
}
