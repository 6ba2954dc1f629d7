import { describe, expect, it } from "vitest";

import type { ImportItem } from "./import-row.js";
import { parseOfx } from "./ofx-parser.js";

// OFX 1.x as US banks still send it: SGML header, leaves never closed, CRLF line ends.
const SGML = [
  "OFXHEADER:100",
  "DATA:OFXSGML",
  "VERSION:102",
  "SECURITY:NONE",
  "ENCODING:USASCII",
  "CHARSET:1252",
  "COMPRESSION:NONE",
  "OLDFILEUID:NONE",
  "NEWFILEUID:NONE",
  "",
  "<OFX>",
  "<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20240301120000[-5:EST]<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>",
  "<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>",
  "<STMTRS><CURDEF>USD",
  "<BANKACCTFROM><BANKID>121000248<ACCTID>000123456789<ACCTTYPE>CHECKING</BANKACCTFROM>",
  "<BANKTRANLIST><DTSTART>20240201<DTEND>20240229",
  "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240205120000.000[-5:EST]<TRNAMT>-42.17<FITID>2024020501<NAME>AMAZON MKTPLACE PMTS<MEMO>AMZN Mktp US*1X2Y3Z</STMTTRN>",
  "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20240215<TRNAMT>2500.00<FITID>2024021502<NAME>ACME PAYROLL &amp; CO<MEMO></STMTTRN>",
  "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240231<TRNAMT>-1.00<FITID>2024023103<NAME>BAD DAY</STMTTRN>",
  "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240220<TRNAMT>-1.005<FITID>2024022004<NAME>TOO PRECISE</STMTTRN>",
  "<STMTTRN><TRNTYPE>CHECK<DTPOSTED>20240229<TRNAMT>-80,50<FITID>2024022905<CHECKNUM>1043<PAYEE><NAME>J SMITH<ADDR1>1 MAIN ST<CITY>SPRINGFIELD<STATE>IL<POSTALCODE>62701</PAYEE>",
  "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240229<FITID>2024022906<NAME>NO AMOUNT</STMTTRN>",
  "</BANKTRANLIST><LEDGERBAL><BALAMT>1234.56<DTASOF>20240229</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1>",
  "</OFX>",
].join("\r\n");

// OFX 2.x: XML, every element closed, a credit card statement in euros with a foreign purchase.
const XML = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX>
  <SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS><DTSERVER>20240301</DTSERVER><LANGUAGE>FRA</LANGUAGE></SONRS></SIGNONMSGSRSV1>
  <CREDITCARDMSGSRSV1>
    <CCSTMTTRNRS>
      <TRNUID>0</TRNUID>
      <STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
      <CCSTMTRS>
        <CURDEF>EUR</CURDEF>
        <CCACCTFROM><ACCTID>4970XXXXXXXX1234</ACCTID></CCACCTFROM>
        <BANKTRANLIST>
          <DTSTART>20240201</DTSTART><DTEND>20240229</DTEND>
          <STMTTRN>
            <TRNTYPE>DEBIT</TRNTYPE>
            <DTPOSTED>20240203000000[+1:CET]</DTPOSTED>
            <TRNAMT>-12.90</TRNAMT>
            <FITID>FR-0001</FITID>
            <NAME>Café de Flore</NAME>
            <MEMO>CB 02/02 PARIS</MEMO>
          </STMTTRN>
          <STMTTRN>
            <TRNTYPE>DEBIT</TRNTYPE>
            <DTPOSTED>20240210</DTPOSTED>
            <TRNAMT>-30.00</TRNAMT>
            <FITID>FR-0002</FITID>
            <NAME>HOTEL ZURICH</NAME>
            <ORIGCURRENCY><CURRATE>1.05</CURRATE><CURSYM>CHF</CURSYM></ORIGCURRENCY>
          </STMTTRN>
          <STMTTRN>
            <TRNTYPE>CREDIT</TRNTYPE>
            <DTPOSTED>20240212</DTPOSTED>
            <TRNAMT>5.00</TRNAMT>
            <FITID>FR-0003</FITID>
            <MEMO>Remboursement</MEMO>
          </STMTTRN>
        </BANKTRANLIST>
      </CCSTMTRS>
    </CCSTMTTRNRS>
  </CREDITCARDMSGSRSV1>
</OFX>`;

const summary = (items: Iterable<ImportItem>) =>
  [...items].map((item) => (item.ok ? item.value : { row: item.error.row, code: item.error.code }));

describe("parseOfx", () => {
  it("reads an OFX 1.x SGML bank statement with unclosed leaves", () => {
    const ofx = parseOfx(SGML, "EUR");
    expect(ofx.currency).toBe("USD");
    expect(ofx.accountId).toBe("000123456789");
    expect(summary(ofx.items)).toEqual([
      {
        row: 1,
        date: "2024-02-05",
        amountMinor: -4217n,
        payee: "AMAZON MKTPLACE PMTS",
        memo: "AMZN Mktp US*1X2Y3Z",
        bankTransactionId: "2024020501",
      },
      { row: 2, date: "2024-02-15", amountMinor: 250000n, payee: "ACME PAYROLL & CO", memo: null, bankTransactionId: "2024021502" },
      { row: 3, code: "BAD_DATE" },
      { row: 4, code: "BAD_AMOUNT" },
      // PAYEE aggregate of a cheque, decimal comma, and no </STMTTRN> before the next one
      { row: 5, date: "2024-02-29", amountMinor: -8050n, payee: "J SMITH", memo: null, bankTransactionId: "2024022905" },
      { row: 6, code: "MISSING_FIELD" },
    ]);
  });

  it("reads an OFX 2.x XML credit card statement; ORIGCURRENCY amounts are already in CURDEF", () => {
    const ofx = parseOfx(new TextEncoder().encode(XML), "USD");
    expect(ofx.currency).toBe("EUR");
    expect(ofx.accountId).toBe("4970XXXXXXXX1234");
    expect(summary(ofx.items)).toEqual([
      { row: 1, date: "2024-02-03", amountMinor: -1290n, payee: "Café de Flore", memo: "CB 02/02 PARIS", bankTransactionId: "FR-0001" },
      { row: 2, date: "2024-02-10", amountMinor: -3000n, payee: "HOTEL ZURICH", memo: null, bankTransactionId: "FR-0002" },
      { row: 3, date: "2024-02-12", amountMinor: 500n, payee: "Remboursement", memo: "Remboursement", bankTransactionId: "FR-0003" },
    ]);
  });

  it("uses the caller's currency when the file has no CURDEF, with that currency's decimals", () => {
    const body =
      "<OFX><BANKTRANLIST><STMTTRN><DTPOSTED>20240105<TRNAMT>-1500<FITID>a</STMTTRN><STMTTRN><DTPOSTED>20240106<TRNAMT>-1.5<FITID>b</STMTTRN></BANKTRANLIST></OFX>";
    const ofx = parseOfx(body, "JPY");
    expect(ofx.currency).toBeNull();
    expect(ofx.accountId).toBeNull();
    expect(summary(ofx.items)).toEqual([
      { row: 1, date: "2024-01-05", amountMinor: -1500n, payee: "", memo: null, bankTransactionId: "a" },
      { row: 2, code: "BAD_AMOUNT" },
    ]);
    expect(summary(parseOfx(body.replace("-1500", "-1.500"), "KWD").items)[0]).toMatchObject({ amountMinor: -1500n });
  });

  it("reports foreign-currency amounts, unknown CURDEFs and other accounts per transaction", () => {
    const trn = (fitid: string, extra = "") => `<STMTTRN><DTPOSTED>20240105<TRNAMT>-10.00<FITID>${fitid}${extra}</STMTTRN>`;
    const file = [
      "<OFX>",
      `<STMTRS><CURDEF>USD<BANKACCTFROM><ACCTID>111</BANKACCTFROM><BANKTRANLIST>${trn("1")}${trn("2", "<CURRENCY><CURRATE>0.9<CURSYM>GBP</CURRENCY>")}</BANKTRANLIST></STMTRS>`,
      `<STMTRS><CURDEF>USD<BANKACCTFROM><ACCTID>222</BANKACCTFROM><BANKTRANLIST>${trn("3")}</BANKTRANLIST></STMTRS>`,
      `<STMTRS><CURDEF>ZZZ<BANKTRANLIST>${trn("4")}</BANKTRANLIST></STMTRS>`,
      "</OFX>",
    ].join("\n");
    expect(summary(parseOfx(file, "USD").items)).toEqual([
      { row: 1, date: "2024-01-05", amountMinor: -1000n, payee: "", memo: null, bankTransactionId: "1" },
      { row: 2, code: "FOREIGN_CURRENCY" },
      { row: 3, code: "OTHER_ACCOUNT" },
      { row: 4, code: "BAD_CURRENCY" },
    ]);
  });

  it("decodes a Windows-1252 OFX 1.x file as it declares", () => {
    const text = SGML.replace("ACME PAYROLL &amp; CO", "CAFÉ MÜLLER");
    const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0)); // É and Ü are single bytes in 1252
    expect(summary(parseOfx(bytes, "USD").items)[1]).toMatchObject({ payee: "CAFÉ MÜLLER" });
  });

  it("throws BAD_USER_INPUT for a file that is not OFX at all, and yields nothing for an empty statement", () => {
    expect(() => parseOfx("Date,Amount\n2024-01-01,1\n", "USD")).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "file" } }),
    );
    expect(() => parseOfx("", "USD")).toThrow(/not an OFX/);
    expect([...parseOfx("<OFX></OFX>", "USD").items]).toEqual([]);
  });

  it("never throws for the whole file on truncated or garbled transactions", () => {
    const truncated = SGML.slice(0, SGML.indexOf("<STMTTRN><TRNTYPE>CREDIT") + 60);
    const items = summary(parseOfx(truncated, "USD").items);
    expect(items[0]).toMatchObject({ row: 1, amountMinor: -4217n });
    expect(items[1]).toMatchObject({ row: 2 });
    const garbled = "<OFX><STMTTRN><DTPOSTED>yesterday<TRNAMT>12..3<<FITID>x</STMTTRN></OFX>";
    expect(summary(parseOfx(garbled, "USD").items)).toEqual([{ row: 1, code: "BAD_DATE" }]);
  });
});
