import { badInput } from "../../../../platform/errors/index.js";

/*
 * No OFX package on npm was fit to build on: the maintained ones (ofx-js, ofx-data-extractor)
 * rewrite SGML into XML or JSON with regular expressions, and one malformed transaction then fails
 * the whole file, or amounts come back as JS numbers. OFX is simple enough to read tolerantly here:
 * one pass over the tags, where an element followed by text is a leaf (OFX 1.x leaves are never
 * closed) and anything else is an aggregate, closed by its own end tag or by an ancestor's.
 */

export interface OfxStatement {
  /** CURDEF as written, upper-cased; null when the statement has none. */
  currency: string | null;
  accountId: string | null;
}

export interface OfxTransaction {
  /** 1-based position of the STMTTRN in the file. */
  index: number;
  statement: OfxStatement;
  /** First value of each leaf directly in the STMTTRN or in its PAYEE aggregate. */
  fields: Map<string, string>;
  /** CURSYM of a CURRENCY aggregate: TRNAMT is then in that currency, not the statement's. */
  amountCurrency: string | null;
}

export interface OfxDocument {
  statements: OfxStatement[];
  transactions: OfxTransaction[];
}

const OFX_START = /<OFX(?:\s[^>]*)?>/i;
const TAG = /<(\/?)([A-Za-z][\w.:-]*)[^<>]*?(\/?)>/g;
const COMMENTS = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
const STATEMENTS = new Set(["STMTRS", "CCSTMTRS"]);
const ACCOUNTS = new Set(["BANKACCTFROM", "CCACCTFROM"]);
// Leaves inside these describe another party or currency, not the transaction itself.
const FOREIGN = new Set(["BANKACCTTO", "CCACCTTO", "CURRENCY", "ORIGCURRENCY", "IMAGEDATA"]);

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });

interface Events {
  open(name: string, stack: readonly string[]): void;
  close(name: string, stack: readonly string[]): void;
  leaf(name: string, value: string, stack: readonly string[]): void;
}

/** Walks OFX 1.x SGML or 2.x XML, telling `events` about aggregates and leaves in document order. */
function walk(body: string, events: Events): void {
  const stack: string[] = [];
  let pending: string | null = null; // an open tag not yet known to be a leaf or an aggregate
  const openAggregate = (name: string) => {
    // No OFX aggregate nests in itself, so a repeated open means the bank left the first unclosed.
    if (stack.includes(name)) closeUpTo(name);
    stack.push(name);
    events.open(name, stack);
  };
  const closeUpTo = (name: string) => {
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      events.close(top, stack);
      stack.pop();
      if (top === name) return;
    }
  };
  const flushPendingAsEmpty = () => {
    if (pending !== null) events.leaf(pending, "", stack);
    pending = null;
  };

  let last = 0;
  for (const match of body.matchAll(TAG)) {
    const text = body.slice(last, match.index).trim();
    last = match.index + match[0].length;
    if (text !== "" && pending !== null) {
      events.leaf(pending, decodeEntities(text), stack);
      pending = null;
    }
    const [, slash, rawName = "", selfClosing] = match;
    const name = rawName.toUpperCase();
    if (slash) {
      flushPendingAsEmpty(); // `<MEMO></MEMO>`, or an SGML leaf left empty before an ancestor's end tag
      if (stack.includes(name)) closeUpTo(name);
      continue;
    }
    if (pending !== null) openAggregate(pending);
    pending = null;
    if (selfClosing) events.leaf(name, "", stack);
    else pending = name;
  }
  const tail = body.slice(last).trim();
  if (tail !== "" && pending !== null) events.leaf(pending, decodeEntities(tail), stack);
  else flushPendingAsEmpty();
  if (stack.length > 0) closeUpTo(stack[0]!);
}

/** Reads the statements and raw transactions of an OFX/QFX file; throws BAD_USER_INPUT if it is not OFX. */
export function readOfxDocument(content: string): OfxDocument {
  const start = OFX_START.exec(content);
  if (!start) throw badInput("the file is not an OFX/QFX statement (no <OFX> element found)", { field: "file" });
  const document: OfxDocument = { statements: [], transactions: [] };
  let statement: OfxStatement | null = null;
  let transaction: OfxTransaction | null = null;
  const currentStatement = () => {
    if (!statement) document.statements.push((statement = { currency: null, accountId: null }));
    return statement;
  };

  walk(content.slice(start.index).replace(COMMENTS, ""), {
    open(name) {
      if (STATEMENTS.has(name)) document.statements.push((statement = { currency: null, accountId: null }));
      if (name === "STMTTRN") {
        transaction = { index: document.transactions.length + 1, statement: currentStatement(), fields: new Map(), amountCurrency: null };
        document.transactions.push(transaction);
      }
    },
    close(name) {
      if (name === "STMTTRN") transaction = null;
    },
    leaf(name, value, stack) {
      if (transaction) {
        const inside = stack.slice(stack.lastIndexOf("STMTTRN") + 1);
        if (name === "CURSYM" && inside.includes("CURRENCY")) transaction.amountCurrency = value.toUpperCase();
        if (inside.some((aggregate) => FOREIGN.has(aggregate))) return;
        if (!transaction.fields.has(name)) transaction.fields.set(name, value);
        return;
      }
      if (name === "CURDEF" && value !== "") currentStatement().currency ??= value.toUpperCase();
      if (name === "ACCTID" && value !== "" && stack.some((aggregate) => ACCOUNTS.has(aggregate))) currentStatement().accountId ??= value;
    },
  });
  return document;
}
