import { ClientError } from "../../../../platform/errors/index.js";

export type StatementFormat = "CSV" | "OFX" | "QIF" | "CAMT053";

/**
 * Which format a statement's text is, from its first bytes: an OFX/QFX header or `<OFX>`, a QIF
 * `!Type:`/`!Account` line, an ISO 20022 camt namespace; else CSV when the first line has a
 * delimiter. Anything else (a PDF, a spreadsheet, an HTML page) is FORMAT_UNKNOWN.
 */
export function detectFormat(text: string): StatementFormat {
  const head = text
    .slice(0, 8192)
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (/^OFXHEADER\s*:/i.test(head) || /<\?OFX\b/i.test(head) || /<OFX[\s>]/i.test(head)) return "OFX";
  if (/^!(Type|Account|Option|Clear)\b/i.test(head)) return "QIF";
  if (/urn:iso:std:iso:20022:tech:xsd:camt\./.test(head) || (/^<\?xml/.test(head) && /<Document[\s>]/.test(head))) return "CAMT053";
  const firstLine = head.split(/\r\n|\r|\n/, 1)[0] ?? "";
  if (!head.startsWith("<") && !head.startsWith("%PDF") && /[,;\t|]/.test(firstLine) && !/[\0\ufffd]/.test(firstLine)) return "CSV";
  throw new ClientError(
    "FORMAT_UNKNOWN",
    "could not tell the file's format (expected OFX/QFX, QIF, CAMT.053 or CSV); give `format` if it is one of them",
    { field: "format" },
  );
}
