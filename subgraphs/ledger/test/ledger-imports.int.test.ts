import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { IMPORT_FIELDS, ledgerClient } from "../../../test/harness/ledger-client.js";
import { liveClients } from "../../../test/harness/live-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";

const IMPORT = `mutation($input: ImportTransactionsInput!) { importTransactions(input: $input) { ${IMPORT_FIELDS} } }`;
const MAPPING = { date: "Date", amount: "Amount", payee: "Description", dateFormat: "dd.MM.yyyy", decimalSeparator: ",", delimiter: ";" };

const STATEMENT = [
  "Date;Description;Amount",
  "01.11.2026;REWE Markt 4411;-23,45",
  "02.11.2026;Employer GmbH;2.500,00",
  "31.11.2026;Broken date;-1,00",
  '03.11.2026;"Coffee; to go";-3,20',
  '03.11.2026;"Coffee; to go";-3,20',
  "04.11.2026;Too precise;-1,234",
].join("\n");

const ofx = (fitPrefix: string, currency = "EUR") => `OFXHEADER:100
DATA:OFXSGML
VERSION:102

<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>${currency}
<BANKACCTFROM><BANKID>123<ACCTID>DE001
</BANKACCTFROM><BANKTRANLIST>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261105120000[+1:CET]<TRNAMT>-12.00<FITID>${fitPrefix}-1<NAME>Bookshop
</STMTTRN>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261106<TRNAMT>-8.50<FITID>${fitPrefix}-2<NAME>Cinema<MEMO>Friday film
</STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;

/**
 * `rows` data rows with a bank id column: every 400th row has a bad date, every 300th repeats the
 * previous row's bank id (one transaction, so a duplicate), every 250th is the same purchase as
 * the row before it (two purchases).
 */
function statement(rows: number, tag: string): string {
  const lines = ["Date;Id;Description;Amount"];
  for (let i = 1; i <= rows; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, "0");
    const id = i % 300 === 0 ? `${tag}-${i - 1}` : `${tag}-${i}`;
    if (i % 250 === 0) lines.push(lines.at(-1)!.replace(`;${tag}-${i - 1};`, `;${tag}-${i};`));
    else lines.push(`${i % 400 === 0 ? "32" : day}.${month}.2025;${id};Shop ${i};-${(i % 500) + 1},${String(i % 100).padStart(2, "0")}`);
  }
  return lines.join("\n");
}
const ID_MAPPING = { ...MAPPING, bankTransactionId: "Id" };

const modes: Array<[string, () => PlatformConfig]> = [
  // Topics of their own: the big imports' events must not queue ahead of other files' events.
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig({ kafkaTopicPrefix: `${realServicesConfig().kafkaTopicPrefix}imports.` })],
  ["embedded defaults", () => embeddedConfig()],
];

describe.each(modes)("statement imports on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let ledger: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let account: string;
  let groceries: string;
  const live = liveClients(() => sg);
  const subscribe = live.subscribe;

  const runner = () => sg.subgraph("ledger").jobs!;
  const sql = (query: string, params: unknown[] = []) => sg.subgraph("ledger").kit.dataSource.query(query, params);
  /** Accepts an import while the ledger's job runner is stopped, so it stays QUEUED until the test starts it. */
  const queued = async (user: RegisteredUser, input: Record<string, unknown>) => {
    await runner().stop();
    return (await ledger.ok(user, IMPORT, { input })).importTransactions;
  };

  beforeAll(async () => {
    sg = await startTestSupergraph(config());
    ledger = ledgerClient(sg);
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    await eventually(async () => expect((await ledger.ok(alice, `{ categories { id } }`)).categories.length).toBeGreaterThan(0));
    account = await ledger.account(alice, "EUR");
    groceries = await ledger.categoryId(alice, "Groceries");
    await ledger.ok(
      alice,
      `mutation($c: ID!) { createRule(input: { name: "REWE", conditions: { payee: { operator: CONTAINS, value: "rewe" } }, actions: { setCategoryId: $c, renamePayee: "REWE" } }) { id } }`,
      { c: groceries },
    );
  });

  afterAll(async () => {
    await live.closeAll();
    await sg?.close();
  });

  it("answers at once with the import QUEUED, then runs it in the background to COMPLETED", async () => {
    const fresh = await ledger.account(alice, "EUR");
    const started = performance.now();
    const accepted = await queued(alice, { accountId: fresh, format: "CSV", content: STATEMENT, mapping: MAPPING });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(accepted).toMatchObject({
      status: "QUEUED",
      totalRows: 0,
      rowsDone: 0,
      imported: 0,
      errors: [],
      startedAt: null,
      finishedAt: null,
    });
    expect(await ledger.balance(alice, fresh)).toBe("0.00");
    await runner().start();
    const done = await ledger.importFinished(alice, accepted.id);
    expect(done).toMatchObject({ status: "COMPLETED", totalRows: 6, rowsDone: 6, imported: 4, failed: 2 });
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    // Imported rows are IMPORT (a rule renaming one keeps it so); the user's own posting is MANUAL.
    await ledger.post(alice, { accountId: fresh, amount: { amount: "-1.00", currency: "EUR" }, date: "2026-11-03", payee: "Kiosk" });
    const bySource = async (source: unknown) =>
      (
        await ledger.ok(alice, `query($f: TransactionFilter) { transactions(filter: $f) { nodes { payee source } } }`, {
          f: { accountIds: [fresh], source },
        })
      ).transactions.nodes;
    const imported = await bySource(["IMPORT"]);
    expect(imported).toHaveLength(4);
    expect(imported).toContainEqual({ payee: "REWE", source: "IMPORT" });
    expect(await bySource(["MANUAL"])).toEqual([{ payee: "Kiosk", source: "MANUAL" }]);
    expect(await bySource(["MANUAL", "IMPORT"])).toHaveLength(5);
    expect(await bySource(["BANK_SYNC", "RECEIPT"])).toEqual([]);
    const literal = await ledger.call(alice, `{ transactions(filter: { source: [MANUAL, SOMEWHERE] }) { nodes { id } } }`);
    expect(literal.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const variable = await ledger.call(alice, `query($f: TransactionFilter) { transactions(filter: $f) { nodes { id } } }`, {
      f: { source: ["SOMEWHERE"] },
    });
    expect(variable.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // The stored file goes when the job is done.
    expect(await sql(`SELECT 1 FROM ledger.import_files WHERE batch_id = $1`, [accepted.id])).toEqual([]);
  });

  it("imports a CSV with a decimal comma, applies rules, and reports bad rows without dropping good ones", async () => {
    const r = await ledger.importAndWait(alice, { accountId: account, format: "CSV", content: STATEMENT, mapping: MAPPING });
    expect(r).toMatchObject({ status: "COMPLETED", totalRows: 6, imported: 4, duplicates: 0, failed: 2 });
    expect(r.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [4, "BAD_DATE"],
      [7, "BAD_AMOUNT"],
    ]);
    const listed = await ledger.ok(
      alice,
      `query($a: ID!) { transactions(filter: { accountIds: [$a] }) { nodes { date payee amount { amount } category { id } } } }`,
      { a: account },
    );
    expect(listed.transactions.nodes).toContainEqual({
      date: "2026-11-01",
      payee: "REWE",
      amount: { amount: "-23.45" },
      category: { id: groceries },
    });
    expect(listed.transactions.nodes).toContainEqual({
      date: "2026-11-02",
      payee: "Employer GmbH",
      amount: { amount: "2500.00" },
      category: null,
    });
    // The two identical coffees on one day are two purchases.
    expect(listed.transactions.nodes.filter((t: { payee: string }) => t.payee === "Coffee; to go")).toHaveLength(2);
    expect(await ledger.balance(alice, account)).toBe("2470.15");
  });

  it("adds nothing when the same file, or the bank's next export of the same days, comes again", async () => {
    const again = await ledger.importAndWait(alice, { accountId: account, format: "CSV", content: STATEMENT, mapping: MAPPING });
    expect(again).toMatchObject({ imported: 0, duplicates: 4, failed: 2 });
    // Dates moved by a day or two and a card number on the payee: still the same transactions.
    const shifted = [
      "Date;Description;Amount",
      "03.11.2026;REWE MARKT 4411 *9912;-23,45",
      "04.11.2026;EMPLOYER GMBH;2.500,00",
      "05.11.2026;Something new;-9,99",
    ].join("\n");
    const r = await ledger.importAndWait(alice, { accountId: account, format: "CSV", content: shifted, mapping: MAPPING });
    expect(r).toMatchObject({ imported: 1, duplicates: 2, failed: 0 });
    expect(await ledger.balance(alice, account)).toBe("2460.16");
  });

  it("imports OFX by bank transaction id, refuses a statement in another currency, and answers replays by key", async () => {
    const input = { accountId: account, format: "OFX", content: ofx("A"), idempotencyKey: `ofx-${Math.random()}` };
    const first = await ledger.importAndWait(alice, input);
    expect(first).toMatchObject({ imported: 2, duplicates: 0, failed: 0 });
    const replay = await ledger.ok(alice, IMPORT, { input });
    expect(replay.importTransactions).toMatchObject({ id: first.id, status: "COMPLETED", imported: 2 });
    const reimport = await ledger.importAndWait(alice, { ...input, idempotencyKey: undefined });
    expect(reimport).toMatchObject({ imported: 0, duplicates: 2 });
    const cinema = await ledger.ok(alice, `{ transactions(filter: { search: "friday" }) { nodes { payee notes date } } }`);
    expect(cinema.transactions.nodes).toEqual([{ payee: "Cinema", notes: "Friday film", date: "2026-11-06" }]);
    const usd = await ledger.call(alice, IMPORT, { input: { accountId: account, format: "OFX", content: ofx("B", "USD") } });
    expect(usd.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const notOfx = await ledger.call(alice, IMPORT, { input: { accountId: account, format: "OFX", content: "hello" } });
    expect(notOfx.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses another user's or an archived account, and a CSV without a usable mapping, before queueing anything", async () => {
    const before = (await ledger.ok(alice, `{ importBatches(first: 100) { id } }`)).importBatches.length;
    expect(
      (await ledger.call(bob, IMPORT, { input: { accountId: account, format: "CSV", content: STATEMENT, mapping: MAPPING } })).errors?.[0]
        ?.extensions?.code,
    ).toBe("NOT_FOUND");
    expect(
      (await ledger.call(alice, IMPORT, { input: { accountId: account, format: "CSV", content: STATEMENT } })).errors?.[0]?.extensions,
    ).toMatchObject({ code: "BAD_USER_INPUT", field: "mapping" });
    expect(
      (
        await ledger.call(alice, IMPORT, {
          input: { accountId: account, format: "CSV", content: STATEMENT, mapping: { ...MAPPING, dateFormat: "nonsense" } },
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe("BAD_USER_INPUT");
    // A mapped column the file's header lacks is found from the header, at once.
    expect(
      (
        await ledger.call(alice, IMPORT, {
          input: { accountId: account, format: "CSV", content: STATEMENT, mapping: { ...MAPPING, payee: "Payee" } },
        })
      ).errors?.[0]?.extensions,
    ).toMatchObject({ code: "BAD_USER_INPUT", field: "mapping.payee" });
    const closed = await ledger.account(alice, "EUR");
    await ledger.ok(alice, `mutation($id: ID!) { archiveAccount(id: $id) { id } }`, { id: closed });
    expect(
      (await ledger.call(alice, IMPORT, { input: { accountId: closed, format: "CSV", content: STATEMENT, mapping: MAPPING } })).errors?.[0]
        ?.extensions?.code,
    ).toBe("BAD_USER_INPUT");
    expect((await ledger.ok(bob, `{ importBatches { id } }`)).importBatches).toEqual([]);
    expect((await ledger.ok(alice, `{ importBatches(first: 100) { id } }`)).importBatches).toHaveLength(before);
  });

  it("keeps an import to its owner: another user's id is null, and their subscription hears nothing", async () => {
    const mine = await queued(alice, { accountId: account, format: "CSV", content: statement(2_500, "live"), mapping: ID_MAPPING });
    expect((await ledger.ok(bob, `query($id: ID!) { importBatch(id: $id) { id } }`, { id: mine.id })).importBatch).toBeNull();
    const query = `subscription($id: ID!) { importUpdated(id: $id) { id status rowsDone totalRows imported } }`;
    const before = sg.gateway.liveStats().subscriptions;
    const aliceLive = subscribe(alice, query, { id: mine.id });
    const bobLive = subscribe(bob, query, { id: mine.id });
    await eventually(() => expect(sg.gateway.liveStats().subscriptions).toBe(before + 2));
    // Paused after a chunk, the subscriber sees the import part-way...
    await runner().start();
    await eventually(
      async () =>
        expect((await sql(`SELECT rows_done FROM ledger.import_batches WHERE id = $1`, [mine.id]))[0].rows_done).toBeGreaterThanOrEqual(
          1_000,
        ),
      { intervalMs: 2 },
    );
    await runner().stop();
    await eventually(() =>
      expect(aliceLive.results.at(-1)?.data?.importUpdated).toMatchObject({
        status: "RUNNING",
        totalRows: 2_500,
        rowsDone: expect.any(Number),
      }),
    );
    expect(aliceLive.results.at(-1).data.importUpdated.rowsDone).toBeLessThan(2_500);
    // ... and, resumed, at the end.
    await runner().start();
    await eventually(() => expect(aliceLive.results.at(-1)?.data?.importUpdated?.status).toBe("COMPLETED"), { timeoutMs: 120_000 });
    const seen = aliceLive.results.map((r) => r.data.importUpdated);
    expect(seen.at(-1)).toEqual({ id: mine.id, status: "COMPLETED", rowsDone: 2_500, totalRows: 2_500, imported: expect.any(Number) });
    // Rows done never go back.
    expect(seen.map((b) => b.rowsDone)).toEqual([...seen.map((b) => b.rowsDone)].sort((a, b) => a - b));
    expect(bobLive.results).toEqual([]);
  }, 180_000);

  it("resumes after a stop mid-import from the last committed chunk: the same result as an uninterrupted run, no row twice, none lost", async () => {
    const rows = 2_500;
    const content = statement(rows, "resume");
    const whole = await ledger.account(alice, "EUR");
    const interrupted = await ledger.account(alice, "EUR");
    const expected = await ledger.importAndWait(alice, { accountId: whole, format: "CSV", content, mapping: ID_MAPPING });
    expect(expected).toMatchObject({ status: "COMPLETED", totalRows: rows, rowsDone: rows });
    expect(expected.failed).toBeGreaterThan(0);
    expect(expected.duplicates).toBeGreaterThan(0);

    const { id } = await queued(alice, { accountId: interrupted, format: "CSV", content, mapping: ID_MAPPING });
    await runner().start();
    await eventually(
      async () =>
        expect((await sql(`SELECT rows_done FROM ledger.import_batches WHERE id = $1`, [id]))[0].rows_done).toBeGreaterThanOrEqual(1_000),
      { intervalMs: 2 },
    );
    await runner().stop();
    const paused = (await ledger.ok(alice, `query($id: ID!) { importBatch(id: $id) { ${IMPORT_FIELDS} } }`, { id })).importBatch;
    expect(paused.status).toBe("RUNNING");
    expect(paused.rowsDone).toBeLessThan(rows);
    expect(paused.rowsDone % 1_000).toBe(0);
    // What was committed is whole chunks: the rows written and the counters and cursor agree.
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM ledger.transactions WHERE import_batch_id = $1`, [id]);
    expect(n).toBe(paused.imported);
    const [job] = await sql(`SELECT status, cursor FROM ledger.jobs WHERE payload->>'batchId' = $1`, [id]);
    expect(job).toEqual({ status: "QUEUED", cursor: { items: paused.rowsDone } });

    await runner().start();
    const resumed = await ledger.importFinished(alice, id);
    const outcome = (b: any) => ({
      status: b.status,
      totalRows: b.totalRows,
      rowsDone: b.rowsDone,
      imported: b.imported,
      duplicates: b.duplicates,
      failed: b.failed,
      errors: b.errors,
    });
    expect(outcome(resumed)).toEqual(outcome(expected));
    const written = async (accountId: string) =>
      (await sql(
        `SELECT to_char(date, 'YYYY-MM-DD') AS d, amount_minor::text AS a, payee, bank_transaction_id AS b FROM ledger.transactions WHERE account_id = $1 ORDER BY 1, 2, 3, 4`,
        [accountId],
      )) as unknown[];
    const [fromWhole, fromInterrupted] = [await written(whole), await written(interrupted)];
    expect(fromInterrupted).toHaveLength(resumed.imported);
    expect(fromInterrupted).toEqual(fromWhole);
    expect(await ledger.balance(alice, interrupted)).toBe(await ledger.balance(alice, whole));
  }, 180_000);

  it("removes a deleted user's imports, stored files and jobs", async () => {
    const carol = await sg.register("Carol");
    const carolAccount = await ledger.account(carol, "EUR");
    const { id } = await queued(carol, { accountId: carolAccount, format: "CSV", content: STATEMENT, mapping: MAPPING });
    expect(await sql(`SELECT count(*)::int AS n FROM ledger.import_files WHERE batch_id = $1`, [id])).toEqual([{ n: 1 }]);
    expect(await sql(`SELECT count(*)::int AS n FROM ledger.jobs WHERE user_id = $1`, [carol.id])).toEqual([{ n: 1 }]);
    const deleted = await sg.query(`mutation($p: String!) { deleteAccount(password: $p) }`, { p: carol.password }, carol.headers);
    expect(deleted.data?.deleteAccount).toBe(true);
    await eventually(async () => {
      expect(await sql(`SELECT count(*)::int AS n FROM ledger.jobs WHERE user_id = $1`, [carol.id])).toEqual([{ n: 0 }]);
      expect(await sql(`SELECT count(*)::int AS n FROM ledger.import_files WHERE user_id = $1`, [carol.id])).toEqual([{ n: 0 }]);
      expect(await sql(`SELECT count(*)::int AS n FROM ledger.import_batches WHERE user_id = $1`, [carol.id])).toEqual([{ n: 0 }]);
    });
    await runner().start();
  });
});

describe("a 50,000-row import through the gateway on real PostgreSQL, Redis and Kafka", () => {
  let sg: TestSupergraph;
  let ledger: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;

  beforeAll(async () => {
    sg = await startTestSupergraph(realServicesConfig({ kafkaTopicPrefix: `${realServicesConfig().kafkaTopicPrefix}imports50k.` }));
    ledger = ledgerClient(sg);
    alice = await sg.register("Alice");
  });
  afterAll(async () => {
    await sg?.close();
  });

  it("answers the request at once and imports every row in the background", async () => {
    const big = await ledger.account(alice, "EUR");
    const lines = ["Date;Description;Amount"];
    for (let i = 0; i < 50_000; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, "0");
      lines.push(`${day}.${month}.2025;Shop ${i};-${(i % 500) + 1},${String(i % 100).padStart(2, "0")}`);
    }
    const started = performance.now();
    const accepted = (
      await ledger.ok(alice, IMPORT, { input: { accountId: big, format: "CSV", content: lines.join("\n"), mapping: MAPPING } })
    ).importTransactions;
    const answeredMs = performance.now() - started;
    expect(accepted.status).toBe("QUEUED");
    expect(answeredMs).toBeLessThan(5_000);
    const r = await ledger.importFinished(alice, accepted.id);
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `50,000-row import on real PostgreSQL: request answered in ${answeredMs.toFixed(0)} ms, COMPLETED after ${seconds.toFixed(1)} s (${(50_000 / seconds).toFixed(0)} rows/s)`,
    );
    expect(r).toMatchObject({ status: "COMPLETED", totalRows: 50_000, rowsDone: 50_000, imported: 50_000, failed: 0 });
    const [row] = await sg
      .subgraph("ledger")
      .kit.dataSource.query(`SELECT count(*)::int AS n FROM ledger.transactions WHERE account_id = $1`, [big]);
    expect(row.n).toBe(50_000);
  }, 600_000);

  it("fails a file over 100,000 rows once counted, before writing any row, and drops the stored file", async () => {
    const account = await ledger.account(alice, "EUR");
    const lines = ["Date;Description;Amount", ...Array.from({ length: 100_001 }, (_, i) => `01.01.2025;S${i};-1,00`)];
    const accepted = (
      await ledger.ok(alice, IMPORT, { input: { accountId: account, format: "CSV", content: lines.join("\n"), mapping: MAPPING } })
    ).importTransactions;
    const r = await ledger.importFinished(alice, accepted.id);
    expect(r).toMatchObject({
      status: "FAILED",
      totalRows: 0,
      rowsDone: 0,
      imported: 0,
      errors: [{ row: 0, code: "BAD_ROW", message: "an import holds at most 100000 rows; split the file" }],
    });
    expect(r.finishedAt).not.toBeNull();
    const sql = sg.subgraph("ledger").kit.dataSource;
    expect(await sql.query(`SELECT count(*)::int AS n FROM ledger.transactions WHERE account_id = $1`, [account])).toEqual([{ n: 0 }]);
    expect(await sql.query(`SELECT count(*)::int AS n FROM ledger.import_files WHERE batch_id = $1`, [accepted.id])).toEqual([{ n: 0 }]);
    expect(await sql.query(`SELECT status, error FROM ledger.jobs WHERE payload->>'batchId' = $1`, [accepted.id])).toEqual([
      { status: "FAILED", error: "an import holds at most 100000 rows; split the file" },
    ]);
  }, 300_000);
});
