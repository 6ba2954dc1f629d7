import type { EntityManager } from "typeorm";

import type { ParsedRow } from "./parsing/index.js";

/** How far apart (days) a bank may date the same transaction in two exports. */
export const FINGERPRINT_DAYS = 2;

/**
 * Finds which rows of a chunk the account already has: the bank's id where the row has one, else
 * a transaction within ±2 days with the same amount and payee key. Each existing transaction
 * absorbs at most one row, so two identical coffees on one day import as two, and come back as
 * two duplicates on a re-import. Rows this same import wrote are never matched against.
 */
export async function duplicateRows(
  manager: EntityManager,
  accountId: string,
  batchId: string,
  rows: Array<{ row: ParsedRow; key: string }>,
): Promise<Set<number>> {
  const duplicates = new Set<number>();
  const withId = rows.filter((r) => r.row.bankTransactionId !== null);
  if (withId.length > 0) {
    const found: Array<{ bank_transaction_id: string }> = await manager.query(
      `SELECT bank_transaction_id FROM ledger.transactions WHERE account_id = $1 AND deleted_at IS NULL AND bank_transaction_id = ANY($2::text[])`,
      [accountId, withId.map((r) => r.row.bankTransactionId)],
    );
    const known = new Set(found.map((f) => f.bank_transaction_id));
    for (const r of withId) if (known.has(r.row.bankTransactionId!)) duplicates.add(r.row.row);
  }
  const fingerprinted = rows.filter((r) => r.row.bankTransactionId === null);
  if (fingerprinted.length > 0) {
    const candidates: Array<{ id: string; date: string; amount: string; key: string }> = await manager.query(
      `SELECT t.id, to_char(t.date, 'YYYY-MM-DD') AS date, t.amount_minor::text AS amount, t.payee_key AS key
       FROM ledger.transactions t
       WHERE t.account_id = $1 AND t.deleted_at IS NULL AND (t.import_batch_id IS NULL OR t.import_batch_id <> $2)
         AND (t.amount_minor, t.payee_key) IN (SELECT * FROM unnest($3::bigint[], $4::text[]))
         AND t.date BETWEEN $5::date - ${FINGERPRINT_DAYS} AND $6::date + ${FINGERPRINT_DAYS}
       ORDER BY t.date, t.id`,
      [
        accountId,
        batchId,
        fingerprinted.map((r) => r.row.amountMinor.toString()),
        fingerprinted.map((r) => r.key),
        fingerprinted.reduce((min, r) => (r.row.date < min ? r.row.date : min), fingerprinted[0]!.row.date),
        fingerprinted.reduce((max, r) => (r.row.date > max ? r.row.date : max), fingerprinted[0]!.row.date),
      ],
    );
    const byFingerprint = new Map<string, typeof candidates>();
    for (const c of candidates) byFingerprint.set(`${c.amount}|${c.key}`, [...(byFingerprint.get(`${c.amount}|${c.key}`) ?? []), c]);
    const used = new Set<string>();
    for (const { row, key } of fingerprinted) {
      const same = byFingerprint.get(`${row.amountMinor}|${key}`) ?? [];
      const match = same.find((c) => !used.has(c.id) && withinDays(c.date, row.date, FINGERPRINT_DAYS));
      if (match) {
        used.add(match.id);
        duplicates.add(row.row);
      }
    }
  }
  return duplicates;
}

function withinDays(a: string, b: string, days: number): boolean {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) <= days * 86_400_000;
}
