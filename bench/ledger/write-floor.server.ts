/**
 * Target (c) of `npm run bench:ledger`: the floor under a postTransaction on this machine. node:http
 * and a pg.Pool (10 connections, the subgraph's default), no GraphQL, no framework: per POST the body
 * is read and parsed, then ONE statement writes what a posted expense writes (the transaction row,
 * its ACCOUNT and CATEGORY postings, its TransactionPosted outbox row and the relay's pg_notify) into
 * the bench's own database, so the same indexes, constraints and generated search column are paid.
 * The statement has the shape of TransactionWriter.insertEntries with Outbox.prepare: one JSON text
 * per table, expanded by json_populate_recordset / json_to_recordset. What it leaves out is what a
 * real post adds on top of the write: GraphQL, auth, validation and the context read (entry-context.ts).
 * Platform modules are imported directly, not through their index files, which bring type-graphql.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

import pg from "pg";

import { Outbox, type OutboxWrite } from "../../platform/events/outbox.js";
import { parseAmount } from "../../platform/money/money.js";
import { randomIds, systemClock } from "../../platform/time/index.js";
import { LEDGER_TRANSACTION_TOPIC, TRANSACTION_POSTED } from "../../schema/events/ledger.js";
import { normalizePayee } from "../../subgraphs/ledger/transactions/payee-key.js";
import { TransactionEntity } from "../../subgraphs/ledger/transactions/transaction.entity.js";
import { transactionSnapshot } from "../../subgraphs/ledger/transactions/transaction.events.js";
import { serveChild, servedOnLoopback } from "../gateway/child.js";

const TRANSACTION_COLUMNS =
  `"id", "user_id", "kind", "account_id", "amount_minor", "currency", "date", "payee", "payee_key", "notes", "tags", ` +
  `"status", "locked", "source", "applied_rule_ids", "suggestion_taken", "created_at", "updated_at"`;
const POSTING_COLUMNS = `"id", "transaction_id", "user_id", "role", "account_id", "category_id", "amount_minor", "currency", "memo", "position"`;
// The outbox rows and their INSERT come from Outbox.prepare itself, as in a real post.
const outbox = new Outbox("ledger", systemClock, randomIds);
// A data-modifying WITH runs whatever the outer SELECT reads: the three inserts and the NOTIFY are one
// atomic statement, one round trip, no BEGIN/COMMIT (the postings' foreign key is checked at its end).
const postSql = (events: OutboxWrite) => `WITH t AS (
    INSERT INTO ledger.transactions (${TRANSACTION_COLUMNS})
    SELECT ${TRANSACTION_COLUMNS} FROM json_populate_recordset(NULL::ledger.transactions, $1::json)),
  p AS (
    INSERT INTO ledger.postings (${POSTING_COLUMNS})
    SELECT ${POSTING_COLUMNS} FROM json_populate_recordset(NULL::ledger.postings, $2::json)),
  o AS (${events.insert(3)})
  SELECT pg_notify($4, '')`;

/** What the bench's postTransaction variables carry (an uncategorised expense, no notes, no tags). */
type PostInput = { accountId: string; amount: { amount: string; currency: string }; date: string; payee?: string };

/** The rows of one uncategorised expense or income of `userId`, as postSql's JSON parameters. */
function postRows(userId: string, input: PostInput) {
  const id = randomUUID();
  const now = new Date().toISOString();
  const amount = parseAmount(input.amount.amount, input.amount.currency);
  const minor = amount.amountMinor.toString();
  const kind = amount.amountMinor < 0n ? "EXPENSE" : "INCOME";
  const payee = (input.payee ?? "").trim();
  const transaction = {
    id,
    user_id: userId,
    kind,
    account_id: input.accountId,
    amount_minor: minor,
    currency: amount.currency,
    date: input.date,
    payee,
    payee_key: normalizePayee(payee),
    notes: "",
    tags: [],
    status: "CLEARED",
    locked: false,
    source: "MANUAL",
    applied_rule_ids: [],
    suggestion_taken: false,
    created_at: now,
    updated_at: now,
  };
  const common = { transaction_id: id, user_id: userId, currency: amount.currency, memo: "" };
  const postings = [
    { id: randomUUID(), ...common, role: "ACCOUNT", account_id: input.accountId, amount_minor: minor, position: 0 },
    { id: randomUUID(), ...common, role: "CATEGORY", amount_minor: (-amount.amountMinor).toString(), position: 1 },
  ];
  // The event as the ledger publishes it, built by the ledger's own transactionSnapshot. The floor
  // reads no settings or rates, so the base amounts stay null, as BaseAmounts leaves them without a
  // base currency or a day's rate (the bench user's case: a USD base, EUR accounts, no rates): an
  // envelope of the real size, which the relay then delivers.
  const entity = Object.assign(new TransactionEntity(), {
    id,
    userId,
    kind,
    accountId: input.accountId,
    amountMinor: amount.amountMinor,
    currency: amount.currency,
    counterAccountId: null,
    counterAmountMinor: null,
    counterCurrency: null,
    date: input.date,
    payee,
    notes: "",
    tags: [],
    status: "CLEARED",
    appliedRuleIds: [],
    suggestedCategoryId: null,
    source: "MANUAL",
    deletedAt: null,
  });
  const data = transactionSnapshot(entity, [{ role: "CATEGORY", categoryId: null, amountMinor: -amount.amountMinor }]);
  const events = outbox.prepare(id, [{ topic: LEDGER_TRANSACTION_TOPIC, key: userId, type: TRANSACTION_POSTED, data }]);
  return { id, transactions: JSON.stringify([transaction]), postings: JSON.stringify(postings), events };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

serveChild(async () => {
  const userId = process.env.BENCH_USER_ID!;
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const answer = (response: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    response.end(text);
  };
  const server = createServer((request, response) => {
    void (async () => {
      try {
        const { variables } = JSON.parse(await readBody(request)) as { variables: { input: PostInput } };
        const { id, transactions, postings, events } = postRows(userId, variables.input);
        await pool.query(postSql(events), [transactions, postings, events.json, events.channel]);
        answer(response, 200, { data: { postTransaction: { id } } });
      } catch (error) {
        // A GraphQL-shaped error, so the closed loop counts it as the other targets' errors are counted.
        answer(response, 500, { errors: [{ message: error instanceof Error ? error.message : String(error) }] });
      }
    })();
  });
  return servedOnLoopback(server, () => pool.end());
});
