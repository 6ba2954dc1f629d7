import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

import { sample } from "../test-support/samples.js";
import { decodeStatement } from "./text-encoding.js";

const TEXT = "Date;Payee;Amount\n2026-11-02;Müller & Söhne – Café;-12,50\n";
const bom = (encoding: string) => ({ utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff] })[encoding] ?? [];
const encode = (text: string, encoding: string, withBom = false) =>
  Buffer.concat([Buffer.from(withBom ? bom(encoding) : []), iconv.encode(text, encoding)]);

describe("statement decoding", () => {
  it.each([
    ["utf8", false],
    ["utf8", true],
    ["utf16le", true],
    ["utf16le", false],
    ["utf16be", true],
    ["utf16be", false],
    ["windows1252", false],
  ])("reads %s (BOM: %s)", (encoding, withBom) => {
    expect(decodeStatement(encode(TEXT, encoding, withBom))).toEqual({ text: TEXT, encoding });
  });

  it("uses the charset an OFX header or an XML declaration names", () => {
    expect(decodeStatement(sample("padded-decimals.ofx")).text).toContain("Café Latte");
    expect(decodeStatement(sample("statement-v08.camt053.xml"))).toMatchObject({
      encoding: "iso-8859-1",
      text: expect.stringContaining("Café Zürich"),
    });
    const cyrillic = encode('<?xml version="1.0" encoding="windows-1251"?><x>Привет</x>', "windows1251");
    expect(decodeStatement(cyrillic).text).toContain("Привет");
  });

  it("decodes a file that mixes UTF-8 and Windows-1252 lines line by line", () => {
    const mixed = Buffer.concat([iconv.encode("Café;1\n", "utf8"), iconv.encode("Crème;2\n", "windows1252")]);
    expect(decodeStatement(mixed)).toEqual({ text: "Café;1\nCrème;2\n", encoding: "mixed" });
  });

  it("drops trailing NUL padding and marks a NUL inside the text", () => {
    const padded = Buffer.concat([Buffer.from("a;b\n1;2\n"), Buffer.alloc(512)]);
    expect(decodeStatement(padded).text).toBe("a;b\n1;2\n");
    expect(decodeStatement(Buffer.from("a;b\n1\0;2\n")).text).toBe("a;b\n1\ufffd;2\n");
  });

  it("turns a cut or corrupt UTF-16 character into U+FFFD", () => {
    const bytes = encode("ab\ncd", "utf16le", true);
    expect(decodeStatement(bytes.subarray(0, bytes.length - 1)).text).toBe("ab\nc\ufffd");
    const loneSurrogate = Buffer.concat([bytes.subarray(0, 8), Buffer.from([0x00, 0xd8]), bytes.subarray(10)]);
    expect(decodeStatement(loneSurrogate).text).toBe("ab\n\ufffdd");
  });

  it("round-trips any text through UTF-8 and UTF-16 with a BOM", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), fc.constantFrom("utf8", "utf16le", "utf16be"), (text, encoding) => {
        const trimmed = text.replace(/[\0\s]+$/u, "").replace(/^\uFEFF/, "");
        fc.pre(!trimmed.includes("\0"));
        expect(decodeStatement(encode(trimmed, encoding, true)).text).toBe(trimmed);
      }),
    );
  });

  it("never throws, whatever the bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(typeof decodeStatement(bytes).text).toBe("string");
      }),
    );
  });
});
