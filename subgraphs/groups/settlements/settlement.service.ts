import type { DataSource, EntityManager } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import { assertIdempotencyKey, type IdempotencyKeys } from "../../../platform/idempotency/index.js";
import type { Money } from "../../../platform/money/index.js";
import type { LedgerAccountsReadModel } from "../../../platform/read-models/index.js";
import { calendarDate, type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import { GROUP_SETTLEMENT_RECORDED, type GroupLedgerPostingV1, GROUPS_EXPENSE_TOPIC } from "../../../schema/events/groups.js";
import type { ActivityLog } from "../activity/activity-log.js";
import { text } from "../groups/group.errors.js";
import { memberOf, requireAccess } from "../groups/group-access.js";
import type { GroupEvents } from "../groups/group-events.js";
import { SettlementEntity } from "./settlement.entity.js";

export const MAX_SETTLEMENTS_PAGE = 200;

function settlementOfRow(r: Record<string, unknown>): SettlementEntity {
  return Object.assign(new SettlementEntity(), {
    id: r.id as string,
    groupId: r.group_id as string,
    fromMember: r.from_member as string,
    toMember: r.to_member as string,
    amountMinor: BigInt(r.amount_minor as string),
    date: r.date as string,
    note: (r.note as string | null) ?? null,
    createdBy: r.created_by as string,
    ledgerAccountId: (r.ledger_account_id as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
  });
}

export interface SettlementInput {
  groupId: string;
  fromMemberId: string;
  toMemberId: string;
  amount: Money;
  date: string;
  note?: string | null;
  /** One of the caller's own accounts: money out when they are `from`, in when they are `to`. */
  ledgerAccountId?: string | null;
  idempotencyKey?: string | null;
}

/**
 * Repayments between members. A settlement may be larger than what is owed: it records money that
 * really moved, and refusing it would leave the group's books disagreeing with the bank; the
 * balances then simply flip, and the next settlement plan evens them out.
 */
export class SettlementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
    private readonly accounts: LedgerAccountsReadModel,
    private readonly outbox: Outbox,
    private readonly events: GroupEvents,
    private readonly activity: ActivityLog,
  ) {}

  async record(userId: string, input: SettlementInput, traceId: string): Promise<{ settlement: SettlementEntity; currency: string }> {
    const date = calendarDate(input.date, "date");
    const note = input.note === null || input.note === undefined || input.note.trim() === "" ? null : text(input.note, "note", 500);
    assertIdempotencyKey(input.idempotencyKey);
    if (input.amount.amountMinor <= 0n) throw badInput("amount must be positive", { field: "amount" });
    return this.dataSource.transaction(async (manager) => {
      const { group, me } = await requireAccess(manager, userId, input.groupId, { writable: true, lock: "share" });
      const id = this.ids.next();
      const keyed = { ...input, amount: { minor: input.amount.amountMinor, currency: input.amount.currency }, idempotencyKey: null };
      const firstId = await this.idempotency.claim(manager, userId, input.idempotencyKey, "recordSettlement", keyed, id);
      if (firstId !== null)
        return {
          settlement: await manager.findOneByOrFail(SettlementEntity, { id: firstId, groupId: group.id }),
          currency: group.currency,
        };
      if (input.amount.currency !== group.currency)
        throw badInput(`settlements are in the group's currency, ${group.currency}`, { field: "amount.currency" });
      const from = await this.memberIn(manager, group.id, input.fromMemberId, "fromMemberId");
      const to = await this.memberIn(manager, group.id, input.toMemberId, "toMemberId");
      if (from === to) throw badInput("a member cannot settle with themselves", { field: "toMemberId" });

      let posting: GroupLedgerPostingV1 | null = null;
      let ledgerAccountId: string | null = null;
      if (input.ledgerAccountId !== null && input.ledgerAccountId !== undefined) {
        if (me.id !== from && me.id !== to)
          throw badInput("name your own account only for a settlement you paid or received", { field: "ledgerAccountId" });
        const account = await this.accounts.requireLinkable(manager, userId, input.ledgerAccountId, "ledgerAccountId");
        if (account.currency !== group.currency)
          throw badInput(`the account is in ${account.currency}, the group in ${group.currency}`, { field: "ledgerAccountId" });
        ledgerAccountId = account.id;
        const sign = me.id === from ? -1n : 1n;
        posting = {
          userId,
          accountId: account.id,
          amountMinor: (sign * input.amount.amountMinor).toString(),
          currency: group.currency,
          date,
          description: note ?? "Group settlement",
        };
      }
      const settlement = Object.assign(new SettlementEntity(), {
        id,
        groupId: group.id,
        fromMember: from,
        toMember: to,
        amountMinor: input.amount.amountMinor,
        date,
        note,
        createdBy: me.id,
        ledgerAccountId,
        createdAt: this.clock.now(),
      });
      await manager.insert(SettlementEntity, settlement);
      await this.outbox.add(manager, traceId, [
        {
          topic: GROUPS_EXPENSE_TOPIC,
          type: GROUP_SETTLEMENT_RECORDED,
          key: group.id,
          data: {
            groupId: group.id,
            settlementId: id,
            fromMemberId: from,
            toMemberId: to,
            amountMinor: input.amount.amountMinor.toString(),
            currency: group.currency,
            date,
            posting,
          },
        },
      ]);
      await this.events.updated(manager, traceId, group.id, "SETTLEMENT");
      await this.activity.record(manager, traceId, {
        groupId: group.id,
        kind: "SETTLEMENT_RECORDED",
        actorMemberId: me.id,
        settlementId: id,
      });
      return { settlement, currency: group.currency };
    });
  }

  /** Newest first, `first` per group, for the groups among `keys` ("groupId|first") the caller is in. */
  async forGroups(userId: string, groupIds: readonly string[], first: number): Promise<SettlementEntity[]> {
    const valid = groupIds.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT id, group_id, from_member, to_member, amount_minor::text, to_char(date, 'YYYY-MM-DD') AS date, note, created_by, ledger_account_id, created_at
       FROM (SELECT s.*, row_number() OVER (PARTITION BY s.group_id ORDER BY s.date DESC, s.created_at DESC, s.id DESC) AS n
             FROM groups.settlements s WHERE s.group_id = ANY($2::uuid[]) AND ${memberOf("s.group_id", "$1")}) ranked
       WHERE n <= $3 ORDER BY group_id, n`,
      [userId, valid, first],
    );
    return rows.map(settlementOfRow);
  }

  /** Settlements among `ids` in the caller's groups, with their group's currency; anything else is left out. */
  async findForUser(userId: string, ids: readonly string[]): Promise<Array<{ settlement: SettlementEntity; currency: string }>> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT s.id, s.group_id, s.from_member, s.to_member, s.amount_minor::text, to_char(s.date, 'YYYY-MM-DD') AS date, s.note, s.created_by,
              s.ledger_account_id, s.created_at, g.currency
       FROM groups.settlements s JOIN groups.groups g ON g.id = s.group_id
       WHERE s.id = ANY($2::uuid[]) AND ${memberOf("s.group_id", "$1")}`,
      [userId, valid],
    );
    return rows.map((r) => ({ settlement: settlementOfRow(r), currency: (r.currency as string).trim() }));
  }

  /** Any member of the group, removed ones too: an old balance can still be squared with them. */
  private async memberIn(manager: EntityManager, groupId: string, memberId: string, field: string): Promise<string> {
    const [row] = isUuid(memberId)
      ? await manager.query(`SELECT id FROM groups.members WHERE id = $1 AND group_id = $2`, [memberId, groupId])
      : [];
    if (!row) throw badInput(`${field} is not a member of this group`, { field });
    return row.id as string;
  }
}
