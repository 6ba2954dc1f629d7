import { describe, expect, it } from "vitest";

import { collect, errors, oks, sample } from "../test-support/samples.js";
import { parseCamt } from "./camt-parser.js";
import { decodeStatement } from "./text-encoding.js";

const text = (name: string) => decodeStatement(sample(name)).text;

describe("CAMT.053 parser", () => {
  it("reads booked entries: dates, credit/debit, reversal, counterparty, remittance, bank reference", async () => {
    const statement = parseCamt(text("statement.camt053.xml"), "EUR");
    expect(statement).toMatchObject({ currency: "EUR", accountId: "DE89370400440532013000" });
    const items = await collect(statement.items);
    expect(oks(items)).toEqual([
      {
        row: 1,
        date: "2026-11-02",
        amountMinor: -2345n,
        payee: "REWE Markt GmbH",
        memo: "Kartenzahlung 01.11. 18:42",
        bankTransactionId: "2026110200001",
      },
      {
        row: 2,
        date: "2026-11-03",
        amountMinor: 250000n,
        payee: "Müller & Söhne AG",
        memo: "Gehalt November · Personalnr. 4711 · value date 2026-11-04",
        bankTransactionId: "2026110300007",
      },
      {
        row: 3,
        date: "2026-11-05",
        amountMinor: -8990n,
        payee: "Stadtwerke Energie",
        memo: "Ref RF18539007547034",
        bankTransactionId: "2026110500003",
      },
      {
        row: 4,
        date: "2026-11-06",
        amountMinor: 2345n,
        payee: "Storno Kartenzahlung REWE",
        memo: "Storno Kartenzahlung REWE",
        bankTransactionId: "2026110600002",
      },
    ]);
    expect(errors(items)).toEqual([
      { row: 5, code: "BAD_AMOUNT", message: expect.stringContaining('"1.235"') },
      { row: 6, code: "UNSUPPORTED_ROW", message: expect.stringContaining("PDNG") },
      { row: 7, code: "OTHER_ACCOUNT", message: expect.stringContaining("DE02120300000000202051") },
    ]);
  });

  it("reads the v08 layout (Sts/Cd, Pty/Nm, DtTm, references in TxDtls) from an ISO-8859-1 file", async () => {
    const items = await collect(parseCamt(text("statement-v08.camt053.xml"), "CHF").items);
    expect(oks(items)).toEqual([
      {
        row: 1,
        date: "2026-11-08",
        amountMinor: -4550n,
        payee: "Café Zürich",
        memo: "Ref 210000000003139471430009017 · Rechnung 2026-11 · value date 2026-11-09",
        bankTransactionId: "ZKB-77881",
      },
    ]);
  });

  const wrap = (body: string, version = "02") =>
    `<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}"><BkToCstmrStmt>${body}</BkToCstmrStmt></Document>`;

  it.each([
    ["an unknown namespace version", wrap("", "99"), /camt\.053\.001\.99 is not supported/],
    ["a camt.054 notification", wrap("").replace("camt.053", "camt.054"), /camt\.054\.001\.02 is not supported/],
    ["no camt namespace", "<?xml version='1.0'?><Document/>", /not an ISO 20022 CAMT document/],
    ["a truncated file", text("statement.camt053.xml").slice(0, 1500), /malformed or truncated/],
    [
      "an entity-expansion bomb",
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>` +
        wrap("<Stmt>&lol2;</Stmt>").slice(22),
      /DOCTYPE or entities/,
    ],
    [
      "an external entity",
      `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` + wrap("<Stmt><Id>&xxe;</Id></Stmt>").slice(22),
      /DOCTYPE or entities/,
    ],
  ])("refuses %s with a clear error", (_what, content, message) => {
    expect(() => parseCamt(content, "EUR")).toThrow(message);
  });

  it("leaves undeclared entity references as written (no expansion)", async () => {
    const entry = `<Stmt><Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2026-01-02</Dt></BookgDt><AddtlNtryInf>A &foo; B</AddtlNtryInf></Ntry></Stmt>`;
    const rows = oks(await collect(parseCamt(wrap(entry), "EUR").items));
    expect(rows.map((r) => r.payee)).toEqual(["A &foo; B"]);
  });
});
