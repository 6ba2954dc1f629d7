import type { DataSource, EntityManager } from "typeorm";

import { badInput, ClientError, ErrorCode, forbidden } from "../../../platform/errors/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import type { ActivityLog } from "../activity/activity-log.js";
import { memberOf, requireAccess, ROLE_RANK } from "../groups/group-access.js";
import type { MemberEntity } from "../members/member.entity.js";
import { commentBody } from "./comment-body.js";

export interface GroupCommentRow {
  id: string;
  groupId: string;
  expenseId: string | null;
  settlementId: string | null;
  authorMemberId: string;
  /** Null once deleted. */
  body: string | null;
  editedAt: Date | null;
  deletedAt: Date | null;
  createdAt: Date;
}

/** The thread a comment belongs to: exactly one of the two. */
export interface CommentTarget {
  expenseId?: string | null;
  settlementId?: string | null;
}

const COLUMNS = `c.id, c.group_id, c.expense_id, c.settlement_id, c.author, c.body, c.edited_at, c.deleted_at, c.created_at`;

function commentOfRow(r: Record<string, unknown>): GroupCommentRow {
  return {
    id: r.id as string,
    groupId: r.group_id as string,
    expenseId: (r.expense_id as string | null) ?? null,
    settlementId: (r.settlement_id as string | null) ?? null,
    authorMemberId: r.author as string,
    body: (r.body as string | null) ?? null,
    editedAt: r.edited_at ? new Date(r.edited_at as string) : null,
    deletedAt: r.deleted_at ? new Date(r.deleted_at as string) : null,
    createdAt: new Date(r.created_at as string),
  };
}

/** Not in the caller's groups, or no such item: the two look the same, and name the field. */
const notFoundAt = (what: string, field: string) => new ClientError(ErrorCode.NOT_FOUND, `${what} not found`, { field });

/**
 * A thread of comments per expense and per settlement. Members comment; viewers only read. Each
 * author edits and deletes their own; admins and the owner may also delete anyone's (moderation),
 * but never put words in anyone's mouth by editing. A deleted comment keeps its row without its
 * text, so the activity feed can still say that one was removed.
 */
export class CommentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly activity: ActivityLog,
  ) {}

  async add(userId: string, target: CommentTarget, body: string, traceId: string): Promise<GroupCommentRow> {
    const text = commentBody(body);
    const onExpense = target.expenseId !== null && target.expenseId !== undefined;
    const onSettlement = target.settlementId !== null && target.settlementId !== undefined;
    if (onExpense === onSettlement) throw badInput("name exactly one of expenseId and settlementId", { field: "expenseId" });
    const field = onExpense ? "expenseId" : "settlementId";
    const itemId = (onExpense ? target.expenseId : target.settlementId)!;
    return this.dataSource.transaction(async (manager) => {
      const item = await this.item(manager, userId, onExpense ? "expenses" : "settlements", itemId);
      if (!item) throw notFoundAt(onExpense ? "expense" : "settlement", field);
      const { me } = await requireAccess(manager, userId, item.groupId, { writable: true, lock: "share" });
      if (item.deleted) throw badInput("the expense is deleted", { field });
      const comment: GroupCommentRow = {
        id: this.ids.next(),
        groupId: item.groupId,
        expenseId: onExpense ? itemId.toLowerCase() : null,
        settlementId: onExpense ? null : itemId.toLowerCase(),
        authorMemberId: me.id,
        body: text,
        editedAt: null,
        deletedAt: null,
        createdAt: this.clock.now(),
      };
      await manager.query(
        `INSERT INTO groups.comments (id, group_id, expense_id, settlement_id, author, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [comment.id, comment.groupId, comment.expenseId, comment.settlementId, comment.authorMemberId, comment.body, comment.createdAt],
      );
      await this.activity.record(manager, traceId, {
        groupId: comment.groupId,
        kind: "COMMENT_ADDED",
        actorMemberId: me.id,
        expenseId: comment.expenseId,
        settlementId: comment.settlementId,
        commentId: comment.id,
      });
      return comment;
    });
  }

  /** Only the author edits. */
  async edit(userId: string, commentId: string, body: string, traceId: string): Promise<GroupCommentRow> {
    const text = commentBody(body);
    return this.dataSource.transaction(async (manager) => {
      const { comment, me } = await this.forWrite(manager, userId, commentId);
      if (comment.deletedAt) throw notFoundAt("comment", "id");
      if (comment.authorMemberId !== me.id) throw forbidden("only its author edits a comment");
      comment.body = text;
      comment.editedAt = this.clock.now();
      await manager.query(`UPDATE groups.comments SET body = $2, edited_at = $3 WHERE id = $1`, [comment.id, text, comment.editedAt]);
      await this.activity.record(manager, traceId, { ...this.entry(comment), kind: "COMMENT_EDITED", actorMemberId: me.id });
      return comment;
    });
  }

  /** The author, an admin or the owner; deleting twice changes nothing. */
  async delete(userId: string, commentId: string, traceId: string): Promise<GroupCommentRow> {
    return this.dataSource.transaction(async (manager) => {
      const { comment, me } = await this.forWrite(manager, userId, commentId);
      if (comment.authorMemberId !== me.id && ROLE_RANK[me.role] < ROLE_RANK.ADMIN)
        throw forbidden("only its author, an admin or the owner deletes a comment");
      if (comment.deletedAt) return comment;
      comment.body = null;
      comment.deletedAt = this.clock.now();
      await manager.query(`UPDATE groups.comments SET body = NULL, deleted_at = $2 WHERE id = $1`, [comment.id, comment.deletedAt]);
      await this.activity.record(manager, traceId, { ...this.entry(comment), kind: "COMMENT_DELETED", actorMemberId: me.id });
      return comment;
    });
  }

  /** Comments among `ids` in the caller's groups (deleted ones too, without their text). */
  async findForUser(userId: string, ids: readonly string[]): Promise<GroupCommentRow[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM groups.comments c WHERE c.id = ANY($2::uuid[]) AND ${memberOf("c.group_id", "$1")}`,
      [userId, valid],
    );
    return rows.map(commentOfRow);
  }

  /** The live comments on each of `itemIds` (expenses or settlements) in the caller's groups, oldest first. */
  async threads(userId: string, itemIds: readonly string[]): Promise<GroupCommentRow[]> {
    const valid = itemIds.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM groups.comments c
       WHERE (c.expense_id = ANY($2::uuid[]) OR c.settlement_id = ANY($2::uuid[])) AND c.deleted_at IS NULL AND ${memberOf("c.group_id", "$1")}
       ORDER BY c.created_at, c.seq`,
      [userId, valid],
    );
    return rows.map(commentOfRow);
  }

  private entry(comment: GroupCommentRow) {
    return { groupId: comment.groupId, expenseId: comment.expenseId, settlementId: comment.settlementId, commentId: comment.id };
  }

  private async item(
    manager: EntityManager,
    userId: string,
    table: "expenses" | "settlements",
    id: string,
  ): Promise<{ groupId: string; deleted: boolean } | null> {
    if (!isUuid(id)) return null;
    const deleted = table === "expenses" ? "i.deleted_at IS NOT NULL" : "false";
    const [row]: Array<{ group_id: string; deleted: boolean }> = await manager.query(
      `SELECT i.group_id, ${deleted} AS deleted FROM groups.${table} i WHERE i.id = $1 AND ${memberOf("i.group_id", "$2")}`,
      [id, userId],
    );
    return row ? { groupId: row.group_id, deleted: row.deleted } : null;
  }

  /**
   * The comment under its row lock, after the caller's write access to its group: the group row is
   * locked first, as every other write of the group does, so the two orders never cross.
   */
  private async forWrite(manager: EntityManager, userId: string, id: string): Promise<{ comment: GroupCommentRow; me: MemberEntity }> {
    const read = async (lock: string) => {
      if (!isUuid(id)) return null;
      const [row]: Array<Record<string, unknown>> = await manager.query(
        `SELECT ${COLUMNS} FROM groups.comments c WHERE c.id = $1 AND ${memberOf("c.group_id", "$2")}${lock}`,
        [id, userId],
      );
      return row ? commentOfRow(row) : null;
    };
    const seen = await read("");
    if (!seen) throw notFoundAt("comment", "id");
    const { me } = await requireAccess(manager, userId, seen.groupId, { writable: true, lock: "share" });
    return { comment: (await read(" FOR UPDATE OF c"))!, me };
  }
}
