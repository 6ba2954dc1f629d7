import { Decimal } from "decimal.js";
import { z } from "zod";

import { isClientError } from "../../../platform/errors/index.js";
import { normalizeCurrency, parseAmount } from "../../../platform/money/index.js";
import type { ByFilingStatus, ChildTaxCredit, RateBand, SaltCap, TableSource, TaxTable } from "./tax-table.js";

/**
 * A tax table file that cannot be used. The catalog reads every file at startup and stops on the
 * first bad one, so the message names the file and the field to fix, never a stack trace.
 */
export class TaxTableFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    readonly reason: string,
  ) {
    super(`tax table ${file}: ${field ? `${field}: ` : ""}${reason}`);
    this.name = "TaxTableFileError";
  }
}

// Amounts are decimal strings in currency units ("11600", "183647.25"): JSON numbers would be floats.
const amount = z.string().regex(/^(0|[1-9]\d{0,14})(\.\d+)?$/, 'must be a non-negative decimal string like "11600" or "11600.00"');
// At most six decimals, so the calculator can work in integers (millionths of a percent).
const PERCENT = /^(0|[1-9]\d{0,2})(\.\d{1,6})?$/;
const percent = z
  .string()
  .regex(PERCENT, 'must be a percent string like "12" or "7.5" (at most six decimals)')
  .refine((text) => !PERCENT.test(text) || new Decimal(text).lte(100), "must not exceed 100");
const source = z.strictObject({
  citation: z.string().trim().min(1, "must not be empty"),
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
});
const bands = z.array(z.strictObject({ over: amount, ratePercent: percent })).min(1, "must list at least one band");
const byFilingStatus = <T extends z.ZodType>(value: T) => z.strictObject({ source, byFilingStatus: z.record(z.string(), value) });

const tableFile = z.strictObject({
  jurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be an ISO 3166 code like "US" or "US-CA"'),
  year: z.int().min(1900, "must be a year from 1900 to 2200").max(2200, "must be a year from 1900 to 2200"),
  revision: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an upper-case name like "REV_PROC_2024_40"'),
  title: z.string().trim().min(1, "must not be empty"),
  effectiveDate: z.iso.date({ error: "must be a date YYYY-MM-DD" }),
  currency: z.string(),
  filingStatuses: z.array(z.string().regex(/^[A-Z][A-Z_]*$/, "must be an upper-case code like SINGLE")).min(1, "must not be empty"),
  ordinaryBrackets: byFilingStatus(bands),
  standardDeduction: byFilingStatus(amount),
  capitalGainsBrackets: byFilingStatus(bands),
  capitalLossLimit: byFilingStatus(amount),
  saltCap: byFilingStatus(
    z.strictObject({
      limit: amount,
      phaseDown: z.strictObject({ overModifiedAgi: amount, percent, floor: amount }).nullable(),
    }),
  ),
  medicalFloor: z.strictObject({ source, percentOfAgi: percent }),
  childTaxCredit: byFilingStatus(z.strictObject({ perChild: amount, phaseOutOver: amount, step: amount, reductionPerStep: amount })),
});
type TableFile = z.infer<typeof tableFile>;
type Section<T> = { source: TableSource; byFilingStatus: Record<string, T> };

const fieldOf = (path: readonly PropertyKey[]) =>
  path.reduce<string>((field, key) => (typeof key === "number" ? `${field}[${key}]` : field ? `${field}.${String(key)}` : String(key)), "");

/**
 * Parses and checks one table file's text. `file` is the file's name: it is in every error, and
 * must start with `<jurisdiction>-<year>-` (lower case) so a table cannot hide under another name.
 */
export function parseTableFile(file: string, text: string): TaxTable {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TaxTableFileError(file, null, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = tableFile.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === "unrecognized_keys") throw new TaxTableFileError(file, fieldOf([...issue.path, issue.keys[0]!]), "unknown field");
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    throw new TaxTableFileError(file, fieldOf(issue.path) || null, missing ? "missing" : issue.message);
  }
  return toTable(file, parsed.data);
}

function toTable(file: string, data: TableFile): TaxTable {
  function fail(field: string, reason: string): never {
    throw new TaxTableFileError(file, field, reason);
  }
  const prefix = `${data.jurisdiction.toLowerCase()}-${data.year}-`;
  if (!file.startsWith(prefix)) fail("jurisdiction", `the file name must start with "${prefix}" for ${data.jurisdiction} ${data.year}`);

  let currency = "";
  try {
    currency = normalizeCurrency(data.currency);
  } catch {
    fail("currency", `unknown currency "${data.currency.slice(0, 8)}"`);
  }
  if (currency !== data.currency) fail("currency", `must be written "${currency}"`);

  const statuses = data.filingStatuses;
  statuses.forEach((status, i) => {
    if (statuses.indexOf(status) !== i) fail(`filingStatuses[${i}]`, `${status} is listed twice`);
  });

  const minor = (field: string, text: string): bigint => {
    try {
      return parseAmount(text, currency).amountMinor;
    } catch (error) {
      return fail(field, isClientError(error) ? error.message : String(error));
    }
  };
  const rate = (text: string) => new Decimal(text).toString();

  function section<In, Out>(name: string, input: Section<In>, convert: (value: In, field: string) => Out): ByFilingStatus<Out> {
    const field = `${name}.byFilingStatus`;
    for (const key of Object.keys(input.byFilingStatus)) {
      if (!statuses.includes(key)) fail(`${field}.${key}`, `not one of filingStatuses (${statuses.join(", ")})`);
    }
    const byStatus: Record<string, Out> = {};
    for (const status of statuses) {
      const value = input.byFilingStatus[status];
      if (value === undefined) fail(`${field}.${status}`, "missing");
      byStatus[status] = convert(value, `${field}.${status}`);
    }
    return { source: { ...input.source }, byFilingStatus: byStatus };
  }

  const rateBands = (list: TableFile["ordinaryBrackets"]["byFilingStatus"][string], field: string): RateBand[] => {
    const result = list.map((band, i) => ({ overMinor: minor(`${field}[${i}].over`, band.over), ratePercent: rate(band.ratePercent) }));
    if (result[0]!.overMinor !== 0n) fail(`${field}[0].over`, "the first band must start over 0");
    result.forEach((band, i) => {
      if (i > 0 && band.overMinor <= result[i - 1]!.overMinor)
        fail(`${field}[${i}].over`, "bands must ascend: each starts above the previous one");
    });
    return result;
  };

  const saltCap = (value: TableFile["saltCap"]["byFilingStatus"][string], field: string): SaltCap => {
    const limitMinor = minor(`${field}.limit`, value.limit);
    if (!value.phaseDown) return { limitMinor, phaseDownOverMinor: null, phaseDownPercent: null, floorMinor: null };
    const floorMinor = minor(`${field}.phaseDown.floor`, value.phaseDown.floor);
    if (floorMinor > limitMinor) fail(`${field}.phaseDown.floor`, "must not exceed the limit");
    return {
      limitMinor,
      phaseDownOverMinor: minor(`${field}.phaseDown.overModifiedAgi`, value.phaseDown.overModifiedAgi),
      phaseDownPercent: rate(value.phaseDown.percent),
      floorMinor,
    };
  };

  const childTaxCredit = (value: TableFile["childTaxCredit"]["byFilingStatus"][string], field: string): ChildTaxCredit => {
    const stepMinor = minor(`${field}.step`, value.step);
    if (stepMinor === 0n) fail(`${field}.step`, "must be more than 0");
    return {
      perChildMinor: minor(`${field}.perChild`, value.perChild),
      phaseOutOverMinor: minor(`${field}.phaseOutOver`, value.phaseOutOver),
      stepMinor,
      reductionMinor: minor(`${field}.reductionPerStep`, value.reductionPerStep),
    };
  };

  return {
    jurisdiction: data.jurisdiction,
    year: data.year,
    revision: data.revision,
    title: data.title.trim(),
    effectiveDate: data.effectiveDate,
    currency,
    filingStatuses: [...statuses],
    ordinaryBrackets: section("ordinaryBrackets", data.ordinaryBrackets, rateBands),
    standardDeduction: section("standardDeduction", data.standardDeduction, (value, field) => minor(field, value)),
    capitalGainsBrackets: section("capitalGainsBrackets", data.capitalGainsBrackets, rateBands),
    capitalLossLimit: section("capitalLossLimit", data.capitalLossLimit, (value, field) => minor(field, value)),
    saltCap: section("saltCap", data.saltCap, saltCap),
    medicalFloor: { source: { ...data.medicalFloor.source }, percentOfAgi: rate(data.medicalFloor.percentOfAgi) },
    childTaxCredit: section("childTaxCredit", data.childTaxCredit, childTaxCredit),
  };
}
