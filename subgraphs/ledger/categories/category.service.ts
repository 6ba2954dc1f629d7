import { type DataSource, type EntityManager, In } from "typeorm";

import { claimWithinUserCap } from "../../../platform/db/index.js";
import { badInput, conflict, notFound } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { IdempotencyKeys } from "../../../platform/idempotency/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import {
  CATEGORIES_MERGED,
  CATEGORY_CREATED,
  CATEGORY_DELETED,
  CATEGORY_UPDATED,
  type CategoryMovedV1,
  type CategorySnapshotV1,
  LEDGER_CATEGORY_TOPIC,
} from "../../../schema/events/ledger.js";
import { CATEGORY_KINDS, CategoryEntity, type CategoryKindValue } from "./category.entity.js";
import { DEFAULT_CATEGORIES } from "./default-categories.js";

export interface CategoryFields {
  name?: string;
  kind?: CategoryKindValue;
  parentId?: string | null;
  icon?: string | null;
  color?: string | null;
}

export const MAX_CATEGORIES_PER_USER = 500;
const COLOR = /^#[0-9a-f]{6}$/i;

const snapshot = (c: CategoryEntity): CategorySnapshotV1 => ({
  categoryId: c.id,
  userId: c.userId,
  parentId: c.parentId,
  name: c.name,
  kind: c.kind,
});

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "23505";
}

export class CategoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
  ) {}

  /** On `UserRegistered`, inside the inbox transaction; a user who already has categories keeps them. */
  async createDefaults(manager: EntityManager, userId: string, traceId: string): Promise<void> {
    if ((await manager.countBy(CategoryEntity, { userId })) > 0) return;
    const now = this.clock.now();
    const rows: CategoryEntity[] = [];
    for (const d of DEFAULT_CATEGORIES) {
      const parent = Object.assign(new CategoryEntity(), {
        id: this.ids.next(),
        userId,
        parentId: null,
        name: d.name,
        kind: d.kind,
        icon: d.icon,
        color: d.color,
        createdAt: now,
      });
      rows.push(parent);
      for (const child of d.children ?? []) {
        rows.push(
          Object.assign(new CategoryEntity(), {
            id: this.ids.next(),
            userId,
            parentId: parent.id,
            name: child,
            kind: d.kind,
            icon: null,
            color: null,
            createdAt: now,
          }),
        );
      }
    }
    await manager.insert(CategoryEntity, rows);
    await this.outbox.add(
      manager,
      traceId,
      rows.map((row) => ({ topic: LEDGER_CATEGORY_TOPIC, type: CATEGORY_CREATED, key: userId, data: snapshot(row) })),
    );
  }

  /**
   * The user's top-level category called `name` (any case, any kind: theirs to have renamed or
   * re-kinded), created with `kind` when there is none, inside the caller's transaction: bookings
   * from other domains (a loan payment's principal and interest) land in a category the user can
   * see and rename. Null, uncategorised, when the user is at the category cap.
   */
  async ensureNamed(
    manager: EntityManager,
    userId: string,
    name: string,
    kind: CategoryKindValue,
    traceId: string,
  ): Promise<string | null> {
    const [found]: Array<{ id: string }> = await manager.query(
      `SELECT id FROM ledger.categories WHERE user_id = $1 AND parent_id IS NULL AND lower(name) = lower($2)`,
      [userId, name],
    );
    if (found) return found.id;
    const count = await manager.countBy(CategoryEntity, { userId });
    // A booking that overtakes UserRegistered must not leave the user without their defaults.
    if (count === 0) await this.createDefaults(manager, userId, traceId);
    else if (count >= MAX_CATEGORIES_PER_USER) return null;
    const entity = Object.assign(new CategoryEntity(), {
      id: this.ids.next(),
      userId,
      parentId: null,
      name,
      kind,
      icon: null,
      color: null,
      createdAt: this.clock.now(),
    });
    await manager.insert(CategoryEntity, entity);
    await this.outbox.add(manager, traceId, [
      { topic: LEDGER_CATEGORY_TOPIC, type: CATEGORY_CREATED, key: userId, data: snapshot(entity) },
    ]);
    return entity.id;
  }

  async create(
    userId: string,
    fields: CategoryFields & { name: string; kind: CategoryKindValue },
    traceId: string,
    idempotencyKey?: string | null,
  ): Promise<CategoryEntity> {
    const id = this.ids.next();
    return this.write(async (manager) => {
      const replayOf = await this.idempotency.claim(manager, userId, idempotencyKey, "createCategory", fields, id);
      if (replayOf) return this.idempotency.replayed(manager, CategoryEntity, userId, replayOf);
      await claimWithinUserCap(manager, CategoryEntity, userId, MAX_CATEGORIES_PER_USER, "categories");
      const entity = Object.assign(new CategoryEntity(), {
        id,
        userId,
        parentId: null,
        icon: null,
        color: null,
        createdAt: this.clock.now(),
      });
      await this.applyFields(manager, entity, fields);
      const saved = await manager.save(entity);
      await this.outbox.add(manager, traceId, [
        { topic: LEDGER_CATEGORY_TOPIC, type: CATEGORY_CREATED, key: userId, data: snapshot(saved) },
      ]);
      return saved;
    });
  }

  async update(userId: string, id: string, fields: CategoryFields, traceId: string): Promise<CategoryEntity> {
    return this.write(async (manager) => {
      const entity = await this.owned(manager, userId, id, "id");
      if (
        fields.parentId !== undefined &&
        fields.parentId !== entity.parentId &&
        (await manager.countBy(CategoryEntity, { userId, parentId: entity.id })) > 0
      ) {
        throw badInput("a category with subcategories cannot become a subcategory", { field: "parentId" });
      }
      if (fields.kind && fields.kind !== entity.kind && (await manager.countBy(CategoryEntity, { userId, parentId: entity.id })) > 0) {
        throw badInput("change the kind of its subcategories first, or move them", { field: "kind" });
      }
      await this.applyFields(manager, entity, fields);
      const saved = await manager.save(entity);
      await this.outbox.add(manager, traceId, [
        { topic: LEDGER_CATEGORY_TOPIC, type: CATEGORY_UPDATED, key: userId, data: snapshot(saved) },
      ]);
      return saved;
    });
  }

  /** Moves every transaction line, subcategory and rule of `sourceId` to `targetId`, then deletes the source. */
  async merge(userId: string, sourceId: string, targetId: string, traceId: string): Promise<CategoryEntity> {
    return this.write(async (manager) => {
      if (sourceId === targetId) throw badInput("a category cannot be merged into itself", { field: "targetId" });
      const source = await this.owned(manager, userId, sourceId, "sourceId");
      const target = await this.owned(manager, userId, targetId, "targetId");
      if (source.kind !== target.kind) throw badInput("categories of different kinds cannot be merged", { field: "targetId" });
      const children = await manager.countBy(CategoryEntity, { userId, parentId: source.id });
      if (children > 0) {
        if (target.parentId !== null)
          throw badInput("subcategories cannot move under a subcategory; merge into a top-level category", { field: "targetId" });
        await manager.update(CategoryEntity, { userId, parentId: source.id }, { parentId: target.id });
      }
      await this.moveReferences(manager, userId, source.id, target.id);
      await manager.delete(CategoryEntity, { id: source.id, userId });
      const data: CategoryMovedV1 = { userId, sourceId: source.id, targetId: target.id };
      await this.outbox.add(manager, traceId, [{ topic: LEDGER_CATEGORY_TOPIC, type: CATEGORIES_MERGED, key: userId, data }]);
      return target;
    });
  }

  /** Deletes a category without subcategories; its transaction lines move to `reassignTo`, or become uncategorised. */
  async delete(userId: string, id: string, reassignTo: string | null, traceId: string): Promise<boolean> {
    return this.write(async (manager) => {
      const source = await this.owned(manager, userId, id, "id");
      if (reassignTo !== null) {
        if (reassignTo === source.id) throw badInput("cannot reassign to the category being deleted", { field: "reassignTo" });
        const target = await this.owned(manager, userId, reassignTo, "reassignTo");
        if (target.kind !== source.kind) throw badInput("reassign to a category of the same kind", { field: "reassignTo" });
      }
      if ((await manager.countBy(CategoryEntity, { userId, parentId: source.id })) > 0) {
        throw badInput("delete, merge or move its subcategories first", { field: "id" });
      }
      await this.moveReferences(manager, userId, source.id, reassignTo);
      await manager.delete(CategoryEntity, { id: source.id, userId });
      const data: CategoryMovedV1 = { userId, sourceId: source.id, targetId: reassignTo };
      await this.outbox.add(manager, traceId, [{ topic: LEDGER_CATEGORY_TOPIC, type: CATEGORY_DELETED, key: userId, data }]);
      return true;
    });
  }

  /** Every table that points at a category, moved in one place so merge and delete never miss one. */
  private async moveReferences(manager: EntityManager, userId: string, from: string, to: string | null): Promise<void> {
    await manager.query(`UPDATE ledger.postings SET category_id = $3 WHERE user_id = $1 AND category_id = $2`, [userId, from, to]);
    for (const hook of this.referenceHooks) await hook(manager, userId, from, to);
  }

  private readonly referenceHooks: Array<(manager: EntityManager, userId: string, from: string, to: string | null) => Promise<void>> = [];

  /** Other ledger features that store category ids (rules, schedules) keep them valid through this. */
  onCategoryMoved(hook: (manager: EntityManager, userId: string, from: string, to: string | null) => Promise<void>): void {
    this.referenceHooks.push(hook);
  }

  private async applyFields(manager: EntityManager, entity: CategoryEntity, fields: CategoryFields): Promise<void> {
    if (fields.name !== undefined) {
      const name = fields.name.trim();
      if (name.length < 1 || name.length > 60) throw badInput("name must be 1 to 60 characters", { field: "name" });
      entity.name = name;
    }
    if (fields.kind !== undefined) {
      if (!CATEGORY_KINDS.includes(fields.kind)) throw badInput("unknown category kind", { field: "kind" });
      entity.kind = fields.kind;
    }
    if (fields.icon !== undefined) {
      if (fields.icon !== null && (fields.icon.length < 1 || fields.icon.length > 40))
        throw badInput("icon must be 1 to 40 characters", { field: "icon" });
      entity.icon = fields.icon;
    }
    if (fields.color !== undefined) {
      if (fields.color !== null && !COLOR.test(fields.color)) throw badInput("color must be #RRGGBB", { field: "color" });
      entity.color = fields.color;
    }
    if (fields.parentId !== undefined) {
      if (fields.parentId === null) entity.parentId = null;
      else {
        if (fields.parentId === entity.id) throw badInput("a category cannot be its own parent", { field: "parentId" });
        const parent = await this.owned(manager, entity.userId, fields.parentId, "parentId");
        if (parent.parentId !== null) throw badInput("categories nest one level only", { field: "parentId" });
        entity.parentId = parent.id;
      }
    }
    if (entity.parentId !== null) {
      const parent = await manager.findOneByOrFail(CategoryEntity, { id: entity.parentId, userId: entity.userId });
      if (parent.kind !== entity.kind) throw badInput("a subcategory has its parent's kind", { field: "kind" });
    }
  }

  private async owned(manager: EntityManager, userId: string, id: string, field: string): Promise<CategoryEntity> {
    const found = isUuid(id) ? await manager.findOne(CategoryEntity, { where: { id, userId }, lock: { mode: "pessimistic_write" } }) : null;
    if (!found) throw notFound(field === "id" ? "category" : `category (${field})`);
    return found;
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict("a category with this name already exists there", { field: "name" });
      throw error;
    }
  }

  list(userId: string): Promise<CategoryEntity[]> {
    return this.dataSource.getRepository(CategoryEntity).find({ where: { userId }, order: { kind: "ASC", name: "ASC" } });
  }

  findForUser(userId: string, ids: readonly string[]): Promise<CategoryEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(CategoryEntity).findBy({ userId, id: In(valid) });
  }

  /** Checks ids belong to the caller (NOT_FOUND otherwise) inside a write. */
  async requireOwned(manager: EntityManager, userId: string, ids: readonly string[], field: string): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    if (!unique.every(isUuid)) throw notFound(`category (${field})`);
    const found = await manager.countBy(CategoryEntity, { userId, id: In(unique) });
    if (found !== unique.length) throw notFound(`category (${field})`);
  }

  /** The given categories and their children (filters "include subcategories"); `manager`: read inside that transaction (a job's step). */
  async withChildren(userId: string, ids: readonly string[], manager?: EntityManager): Promise<string[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<{ id: string }> = await (manager ?? this.dataSource).query(
      `SELECT id FROM ledger.categories WHERE user_id = $1 AND (id = ANY($2::uuid[]) OR parent_id = ANY($2::uuid[]))`,
      [userId, valid],
    );
    return rows.map((r) => r.id);
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM ledger.categories WHERE user_id = $1 AND parent_id IS NOT NULL`, [userId]);
    await manager.delete(CategoryEntity, { userId });
  }
}
