import { XMLParser, XMLValidator } from "fast-xml-parser";

import { badInput } from "../../../../platform/errors/index.js";

/*
 * CAMT.053 (ISO 20022 BankToCustomerStatement) as plain objects. The XML parser is configured for
 * hostile input: a DOCTYPE (the only way to declare entities, internal or external) is refused
 * before parsing, entity processing is off, nesting is bounded, and the request body limit bounds
 * the size. Only the five predefined entities and character references are decoded, by hand.
 */

/** camt.053.001.02 (2009) to .13 (2023): the element names this reader uses are the same in all. */
export const CAMT_VERSIONS = { first: 2, last: 13 };
const NAMESPACE = /urn:iso:std:iso:20022:tech:xsd:(camt\.\d{3})\.001\.(\d{2})/;

export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[] | undefined;

// Elements that may repeat where this reader looks; forced to arrays so one and many read alike.
const REPEATED = new Set(["Stmt", "Ntry", "NtryDtls", "TxDtls", "Ustrd", "Strd", "CdtrRefInf", "Othr"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  maxNestedTags: 64,
  isArray: (name) => REPEATED.has(name),
});

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
export const xmlText = (value: string) =>
  value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name[0] !== "#") return PREDEFINED[name.toLowerCase()] ?? whole;
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
  });

/** Parses and checks a CAMT.053 document; returns its statements (`Stmt` elements). Throws BAD_USER_INPUT otherwise. */
export function readCamtStatements(text: string): XmlNode[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw badInput("the XML file declares a DOCTYPE or entities, which statements never need; refused", { field: "content" });
  }
  const namespace = NAMESPACE.exec(text.slice(0, 4096));
  if (!namespace) throw badInput("the file is not an ISO 20022 CAMT document (no camt namespace)", { field: "content" });
  const version = Number(namespace[2]);
  if (namespace[1] !== "camt.053" || version < CAMT_VERSIONS.first || version > CAMT_VERSIONS.last) {
    throw badInput(`${namespace[0].split(":").at(-1)} is not supported: statements are read as camt.053.001.02 to .${CAMT_VERSIONS.last}`, {
      field: "content",
    });
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw badInput(`the XML is malformed or truncated (line ${valid.err.line}: ${valid.err.msg})`, { field: "content" });
  }
  let tree: XmlNode;
  try {
    tree = parser.parse(text) as XmlNode;
  } catch (error) {
    throw badInput(`the XML could not be read: ${(error as Error).message.slice(0, 200)}`, { field: "content" });
  }
  const statements = node(node(node(tree, "Document"), "BkToCstmrStmt"), "Stmt");
  return Array.isArray(statements) ? statements.filter(isNode) : [];
}

const isNode = (value: XmlValue): value is XmlNode => typeof value === "object" && value !== null && !Array.isArray(value);

/** The child `name` of a node (the first when repeated), or undefined. */
export function node(value: XmlValue, name: string): XmlValue {
  const one = Array.isArray(value) ? value[0] : value;
  return isNode(one) ? one[name] : undefined;
}

/** Follows a path of child names; returns the text at its end (an element with attributes gives its `#text`). */
export function text(value: XmlValue, ...path: string[]): string | null {
  let current = value;
  for (const name of path) current = node(current, name);
  if (Array.isArray(current)) current = current[0];
  if (isNode(current)) current = current["#text"];
  return typeof current === "string" && current.trim() !== "" ? xmlText(current.trim()) : null;
}

/** Every value of a repeated element, in document order. */
export function all(value: XmlValue, name: string): XmlValue[] {
  const found = node(value, name);
  return found === undefined ? [] : Array.isArray(found) ? found : [found];
}
