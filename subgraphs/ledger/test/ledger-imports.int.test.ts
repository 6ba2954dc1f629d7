import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../../platform/testing/eventually.js";
import { realServicesConfig } from "../../../platform/testing/services.js";
import { startTestSupergraph, type RegisteredUser, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { ledgerClient } from "./ledger-client.js";

const IMPORT = `mutation($input: ImportTransactionsInput!) { importTransactions(input: $input) { id status totalRows imported duplicates failed errors { row code message } } }`;
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

describe("statement imports on real PostgreSQL, Redis and Kafka", () => {
  let sg: TestSupergraph;
  let ledger: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;
  let account: string;
  let groceries: string;

  beforeAll(async () => {
    // Topics of its own: the 50,000 events of the big import must not queue ahead of other files'
    // events for the consumers the next test files start (they share the run's topics otherwise).
    sg = await startTestSupergraph(realServicesConfig({ kafkaTopicPrefix: `${realServicesConfig().kafkaTopicPrefix}imports.` }));
    ledger = ledgerClient(sg);
    alice = await sg.register("Alice");
    await eventually(async () => expect((await ledger.ok(alice, `{ categories { id } }`)).categories.length).toBeGreaterThan(0));
    account = await ledger.account(alice, "EUR");
    groceries = await ledger.categoryId(alice, "Groceries");
    await ledger.ok(alice, `mutation($c: ID!) { createRule(input: { name: "REWE", conditions: { payee: { operator: CONTAINS, value: "rewe" } }, actions: { setCategoryId: $c, renamePayee: "REWE" } }) { id } }`, { c: groceries });
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("imports a CSV with a decimal comma, applies rules, and reports bad rows without dropping good ones", async () => {
    const r = await ledger.ok(alice, IMPORT, { input: { accountId: account, format: "CSV", content: STATEMENT, mapping: MAPPING } });
    expect(r.importTransactions).toMatchObject({ status: "COMPLETED", totalRows: 6, imported: 4, duplicates: 0, failed: 2 });
    expect(r.importTransactions.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [4, "BAD_DATE"],
      [7, "BAD_AMOUNT"],
    ]);
    const listed = await ledger.ok(alice, `query($a: ID!) { transactions(filter: { accountIds: [$a] }) { nodes { date payee amount { amount } category { id } } } }`, { a: account });
    expect(listed.transactions.nodes).toContainEqual({ date: "2026-11-01", payee: "REWE", amount: { amount: "-23.45" }, category: { id: groceries } });
    expect(listed.transactions.nodes).toContainEqual({ date: "2026-11-02", payee: "Employer GmbH", amount: { amount: "2500.00" }, category: null });
    // The two identical coffees on one day are two purchases.
    expect(listed.transactions.nodes.filter((t: { payee: string }) => t.payee === "Coffee; to go")).toHaveLength(2);
    expect(await ledger.balance(alice, account)).toBe("2470.15");
  });

  it("adds nothing when the same file, or the bank's next export of the same days, comes again", async () => {
    const again = await ledger.ok(alice, IMPORT, { input: { accountId: account, format: "CSV", content: STATEMENT, mapping: MAPPING } });
    expect(again.importTransactions).toMatchObject({ imported: 0, duplicates: 4, failed: 2 });
    // Dates moved by a day or two and a card number on the payee: still the same transactions.
    const shifted = ["Date;Description;Amount", "03.11.2026;REWE MARKT 4411 *9912;-23,45", "04.11.2026;EMPLOYER GMBH;2.500,00", "05.11.2026;Something new;-9,99"].join("\n");
    const r = await ledger.ok(alice, IMPORT, { input: { accountId: account, format: "CSV", content: shifted, mapping: MAPPING } });
    expect(r.importTransactions).toMatchObject({ imported: 1, duplicates: 2, failed: 0 });
    expect(await ledger.balance(alice, account)).toBe("2460.16");
  });

  it("imports OFX by bank transaction id, refuses a statement in another currency, and answers replays by key", async () => {
    const input = { accountId: account, format: "OFX", content: ofx("A"), idempotencyKey: `ofx-${Math.random()}` };
    const first = await ledger.ok(alice, IMPORT, { input });
    expect(first.importTransactions).toMatchObject({ imported: 2, duplicates: 0, failed: 0 });
    const replay = await ledger.ok(alice, IMPORT, { input });
    expect(replay.importTransactions.id).toBe(first.importTransactions.id);
    const reimport = await ledger.ok(alice, IMPORT, { input: { ...input, idempotencyKey: undefined } });
    expect(reimport.importTransactions).toMatchObject({ imported: 0, duplicates: 2 });
    const cinema = await ledger.ok(alice, `{ transactions(filter: { search: "friday" }) { nodes { payee notes date } } }`);
    expect(cinema.transactions.nodes).toEqual([{ payee: "Cinema", notes: "Friday film", date: "2026-11-06" }]);
    const usd = await ledger.call(alice, IMPORT, { input: { accountId: account, format: "OFX", content: ofx("B", "USD") } });
    expect(usd.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const notOfx = await ledger.call(alice, IMPORT, { input: { accountId: account, format: "OFX", content: "hello" } });
    expect(notOfx.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses another user's or an archived account, and a CSV without a usable mapping", async () => {
    const bob = await sg.register("Bob");
    expect((await ledger.call(bob, IMPORT, { input: { accountId: account, format: "CSV", content: STATEMENT, mapping: MAPPING } })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect((await ledger.call(alice, IMPORT, { input: { accountId: account, format: "CSV", content: STATEMENT } })).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "mapping" });
    expect((await ledger.call(alice, IMPORT, { input: { accountId: account, format: "CSV", content: STATEMENT, mapping: { ...MAPPING, dateFormat: "nonsense" } } })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const closed = await ledger.account(alice, "EUR");
    await ledger.ok(alice, `mutation($id: ID!) { archiveAccount(id: $id) { id } }`, { id: closed });
    expect((await ledger.call(alice, IMPORT, { input: { accountId: closed, format: "CSV", content: STATEMENT, mapping: MAPPING } })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await ledger.ok(bob, `{ importBatches { id } }`)).importBatches).toEqual([]);
  });

  it("imports 50,000 rows in one request through the gateway", async () => {
    const big = await ledger.account(alice, "EUR");
    const lines = ["Date;Description;Amount"];
    for (let i = 0; i < 50_000; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      const month = String(Math.floor(i / 28) % 12 + 1).padStart(2, "0");
      lines.push(`${day}.${month}.2025;Shop ${i};-${(i % 500) + 1},${String(i % 100).padStart(2, "0")}`);
    }
    const r = await ledger.ok(alice, IMPORT, { input: { accountId: big, format: "CSV", content: lines.join("\n"), mapping: MAPPING } });
    expect(r.importTransactions).toMatchObject({ status: "COMPLETED", totalRows: 50_000, imported: 50_000, failed: 0 });
    const [row] = await sg.subgraph("ledger").kit.dataSource.query(`SELECT count(*)::int AS n FROM ledger.transactions WHERE account_id = $1`, [big]);
    expect(row.n).toBe(50_000);
  });
});
