import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { IMPORT_FIELDS, ledgerClient } from "../../../test/harness/ledger-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { sample } from "../imports/test-support/samples.js";

const IMPORT = `mutation($input: ImportTransactionsInput!) { importTransactions(input: $input) { id format } }`;
const utf16WithBom = (buffer: Buffer) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(buffer.toString("utf8"), "utf16le")]);

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

describe.each(modes)("QIF and CAMT.053 imports on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let ledger: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;

  const transactions = async (account: string) =>
    (
      await ledger.ok(
        alice,
        `query($a: ID!) { transactions(filter: { accountIds: [$a] }) { nodes { date payee notes status amount { amount } category { name } splits { category { name } amount { amount } memo } } } }`,
        { a: account },
      )
    ).transactions.nodes;

  beforeAll(async () => {
    sg = await startTestSupergraph(config());
    ledger = ledgerClient(sg);
    alice = await sg.register("Alice");
    await eventually(async () => expect((await ledger.ok(alice, `{ categories { id } }`)).categories.length).toBeGreaterThan(0));
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("imports a UTF-16 QIF and a CAMT.053 file, format detected, and re-importing either adds nothing", async () => {
    const dollars = await ledger.account(alice, "USD");
    const qif = { accountId: dollars, contentBase64: utf16WithBom(sample("bank.qif")).toString("base64") };
    const first = await ledger.importAndWait(alice, qif, `${IMPORT_FIELDS} format`);
    expect(first).toMatchObject({
      format: "QIF",
      status: "COMPLETED",
      totalRows: 7,
      imported: 6,
      failed: 1,
      errors: [{ row: 37, code: "UNSUPPORTED_ROW" }],
    });
    const rows = await transactions(dollars);
    expect(rows).toContainEqual(
      expect.objectContaining({
        payee: "Landlord Properties",
        status: "CLEARED",
        notes: "November rent · Check 1041",
        category: { name: "Rent" },
      }),
    );
    expect(rows.find((r: { payee: string }) => r.payee === "Costco").splits).toEqual([
      { category: { name: "Groceries" }, amount: { amount: "-100.00" }, memo: "Food" },
      { category: null, amount: { amount: "-20.00" }, memo: "Household" },
    ]);
    expect(rows.find((r: { payee: string }) => r.payee === "Coffee Shop").amount).toEqual({ amount: "-3.77" });
    expect(await ledger.importAndWait(alice, qif)).toMatchObject({ status: "COMPLETED", imported: 0, duplicates: 6, failed: 1 });

    const euros = await ledger.account(alice, "EUR");
    const camt = { accountId: euros, content: sample("statement.camt053.xml").toString("utf8") };
    const camtFirst = await ledger.importAndWait(alice, camt, `${IMPORT_FIELDS} format`);
    expect(camtFirst).toMatchObject({ format: "CAMT053", status: "COMPLETED", totalRows: 7, imported: 4, failed: 3 });
    expect(camtFirst.errors.map((e: { code: string }) => e.code)).toEqual(["BAD_AMOUNT", "UNSUPPORTED_ROW", "OTHER_ACCOUNT"]);
    expect(await transactions(euros)).toContainEqual(
      expect.objectContaining({ payee: "Müller & Söhne AG", amount: { amount: "2500.00" } }),
    );
    expect(await ledger.importAndWait(alice, camt)).toMatchObject({ status: "COMPLETED", imported: 0, duplicates: 4, failed: 3 });
  });

  it("refuses what it cannot read with a clear code, writing nothing", async () => {
    const account = await ledger.account(alice, "EUR");
    const refused = async (input: Record<string, unknown>) =>
      (await sg.query(IMPORT, { input: { accountId: account, ...input } }, alice.headers)).errors;
    expect(await refused({ content: "%PDF-1.7 binary statement" })).toMatchObject([
      { extensions: { code: "FORMAT_UNKNOWN", field: "format" } },
    ]);
    const bomb = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&b;</BkToCstmrStmt></Document>`;
    expect(await refused({ content: bomb })).toMatchObject([{ extensions: { code: "BAD_USER_INPUT", field: "content" } }]);
    expect(await refused({ format: "QIF", content: sample("no-header.qif").toString() })).toMatchObject([
      { extensions: { code: "BAD_USER_INPUT", field: "content" } },
    ]);
    expect(await refused({ content: "a", contentBase64: "YQ==" })).toMatchObject([
      { extensions: { code: "BAD_USER_INPUT", field: "contentBase64" } },
    ]);
    expect(
      (await ledger.ok(alice, `{ importBatches { accountId } }`)).importBatches.map((b: { accountId: string }) => b.accountId),
    ).not.toContain(account);
  });
});
