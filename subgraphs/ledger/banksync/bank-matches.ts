import type { EntityManager } from "typeorm";

import { FINGERPRINT_DAYS } from "../imports/duplicates.js";
import type { RemoteTransaction } from "./bank-provider.js";

/** A ledger transaction a remote one turned out to be. */
export interface ExistingRow {
  id: string;
  bankTransactionId: string | null;
  status: string;
  date: string;
  amountMinor: bigint;
}

/**
 * Which ledger transaction, if any, each remote transaction already is, as statement imports
 * decide it (imports/duplicates.ts): the bank's id on the account first; else a row within ±2 days
 * with the same amount and payee key that carries no bank id of its own (typed, or from a CSV),
 * came from a statement import (an OFX id is another id scheme), or is a synced pending row whose
 * id has left the feed (some banks give the posted transaction a new id). Each row absorbs at most
 * one remote transaction.
 */
export async function matchRemote(
  manager: EntityManager,
  accountId: string,
  remote: ReadonlyArray<{ tx: RemoteTransaction; key: string }>,
): Promise<Map<string, ExistingRow>> {
  const matches = new Map<string, ExistingRow>();
  if (remote.length === 0) return matches;
  const ids = remote.map((r) => r.tx.id);
  const byId: RawRow[] = await manager.query(
    `SELECT ${COLUMNS} FROM ledger.transactions t
     WHERE t.account_id = $1 AND t.deleted_at IS NULL AND t.bank_transaction_id = ANY($2::text[])`,
    [accountId, ids],
  );
  for (const row of byId) matches.set(row.bank_id!, existing(row));
  const rest = remote.filter((r) => !matches.has(r.tx.id));
  if (rest.length === 0) return matches;
  const dates = rest.map((r) => r.tx.date).sort();
  const candidates: RawRow[] = await manager.query(
    `SELECT ${COLUMNS}, t.payee_key AS key FROM ledger.transactions t
     WHERE t.account_id = $1 AND t.deleted_at IS NULL
       AND (t.bank_transaction_id IS NULL OR t.import_batch_id IS NOT NULL OR t.status = 'PENDING')
       AND (t.bank_transaction_id IS NULL OR NOT t.bank_transaction_id = ANY($2::text[]))
       AND (t.amount_minor, t.payee_key) IN (SELECT * FROM unnest($3::bigint[], $4::text[]))
       AND t.date BETWEEN $5::date - ${FINGERPRINT_DAYS} AND $6::date + ${FINGERPRINT_DAYS}
     ORDER BY t.date, t.id`,
    [accountId, ids, rest.map((r) => r.tx.amountMinor.toString()), rest.map((r) => r.key), dates[0], dates.at(-1)],
  );
  const used = new Set<string>();
  for (const { tx, key } of rest) {
    const match = candidates.find(
      (c) => !used.has(c.id) && c.key === key && c.amount === tx.amountMinor.toString() && withinDays(c.date, tx.date, FINGERPRINT_DAYS),
    );
    if (!match) continue;
    used.add(match.id);
    matches.set(tx.id, existing(match));
  }
  return matches;
}

const COLUMNS = `t.id, t.bank_transaction_id AS bank_id, t.status, to_char(t.date, 'YYYY-MM-DD') AS date, t.amount_minor::text AS amount`;

interface RawRow {
  id: string;
  bank_id: string | null;
  status: string;
  date: string;
  amount: string;
  key?: string;
}

function existing(row: RawRow): ExistingRow {
  return { id: row.id, bankTransactionId: row.bank_id, status: row.status, date: row.date, amountMinor: BigInt(row.amount) };
}

function withinDays(a: string, b: string, days: number): boolean {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) <= days * 86_400_000;
}
