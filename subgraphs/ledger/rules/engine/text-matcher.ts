// Regex engine: re2js (pure-JS port of RE2, pinned 2.10.0). Patterns come from users and run over
// every imported row, so a backtracking engine (JavaScript's RegExp) would let one `(a+)+$` stall the
// process. RE2 matches in time linear in the input and rejects the constructs that need
// backtracking (backreferences, lookaround) at compile time. The native `re2` addon needs an install
// script that downloads or builds a binary, which this project's machines do not allow; `re2-wasm`
// has had no release since 2021. re2js needs neither and ships its own types.
import { RE2JS } from "re2js";

import { badInput } from "../../../../platform/errors/index.js";
import { RULE_LIMITS } from "./rule.limits.js";
import type { TextCondition, TextOperator } from "./rule.types.js";

const OPERATORS: ReadonlySet<TextOperator> = new Set(["CONTAINS", "EQUALS", "REGEX"]);

/**
 * The forms of one subject text that matchers need, each computed at most once: a row is tested
 * against many rules, and normalising or folding it again for each would dominate an import.
 */
export class TextForms {
  private nfcForm: string | undefined;
  private trimmedForm: string | undefined;
  private foldedForm: string | undefined;

  constructor(private readonly raw: string) {}

  /** NFC, so "é" typed precomposed or as e + combining accent is the same text. */
  get nfc(): string {
    return (this.nfcForm ??= this.raw.normalize("NFC"));
  }

  get trimmed(): string {
    return (this.trimmedForm ??= this.nfc.trim());
  }

  get folded(): string {
    return (this.foldedForm ??= foldCase(this.trimmed));
  }
}

/**
 * Upper- then lower-casing approximates Unicode full case folding, which toLowerCase alone does
 * not: "Straße" and "STRASSE" meet at "strasse", and Greek sigma is cased by position either way.
 */
export function foldCase(text: string): string {
  return text.toUpperCase().toLowerCase().normalize("NFC");
}

export type TextMatcher = (text: TextForms) => boolean;

export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Validates and compiles one condition; `field` names it in errors ("conditions.payee"). */
export function compileTextCondition(condition: TextCondition, field: string): TextMatcher {
  if (typeof condition !== "object" || condition === null) {
    throw badInput(`${field} must be an object with an operator and a value`, { field });
  }
  const { operator, value } = condition;
  const caseSensitive = condition.caseSensitive ?? false;
  if (!OPERATORS.has(operator)) {
    throw badInput(`${field}.operator must be one of CONTAINS, EQUALS, REGEX`, { field: `${field}.operator` });
  }
  if (typeof caseSensitive !== "boolean") {
    throw badInput(`${field}.caseSensitive must be a boolean`, { field: `${field}.caseSensitive` });
  }
  const valueField = `${field}.value`;
  if (typeof value !== "string" || value.trim() === "") {
    throw badInput(`${valueField} must not be empty`, { field: valueField });
  }
  if (codePointLength(value) > RULE_LIMITS.maxTextLength) {
    throw badInput(`${valueField} must be at most ${RULE_LIMITS.maxTextLength} characters`, { field: valueField });
  }

  if (operator === "REGEX") return compileRegex(value, caseSensitive, valueField);

  const needle = caseSensitive ? value.normalize("NFC").trim() : foldCase(value.normalize("NFC").trim());
  const pick = caseSensitive ? (t: TextForms) => t.trimmed : (t: TextForms) => t.folded;
  return operator === "EQUALS" ? (t) => pick(t) === needle : (t) => pick(t).includes(needle);
}

/**
 * Unanchored search (like RegExp.test): users anchor with ^ and $ themselves. The subject is not
 * trimmed, because whitespace may be what the pattern is about. Case-insensitivity is RE2's simple
 * case folding (É matches é; ß does not match SS, unlike CONTAINS and EQUALS).
 */
function compileRegex(pattern: string, caseSensitive: boolean, field: string): TextMatcher {
  let regex: RE2JS;
  try {
    // LOOKBEHINDS stays off: it forces the slower NFA on every row for little gain in payee rules.
    regex = RE2JS.compile(pattern.normalize("NFC"), caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unparseable";
    throw badInput(`${field} is not a valid regular expression: ${reason.slice(0, 200)}`, { field });
  }
  if (regex.programSize() > RULE_LIMITS.maxRegexProgramSize) {
    throw badInput(`${field} is too complex; use fewer or smaller repetitions`, { field });
  }
  return (t) => regex.test(t.nfc);
}
