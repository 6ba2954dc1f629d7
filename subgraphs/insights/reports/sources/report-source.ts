import type { EntityManager } from "typeorm";
import type { TopLevelSpec } from "vega-lite";

import type { LedgerCategory } from "../../../../platform/read-models/index.js";
import type { UserSettings } from "../../settings/user-settings.store.js";
import type { LocaleFormat } from "../render/locale-format.js";
import type { PdfColumn } from "../render/pdf-report.js";
import type { ReportFormat } from "../report.model.js";

/** One piece of a report, in order. PDF draws every kind; CSV writes only the `csv` records. */
export type ReportBlock =
  | { type: "title"; title: string; subtitle: string; facts: Array<[string, string]> }
  | { type: "chart"; caption: string; spec: TopLevelSpec; width: number; height: number }
  | { type: "heading"; text: string }
  | { type: "facts"; facts: Array<[string, string]>; csv?: string[][] }
  | { type: "table"; columns: PdfColumn[] }
  /** `units`: the work these rows stand for, against `PreparedReport.units`. */
  | { type: "rows"; cells: string[][]; csv: string[][]; units: number };

export interface SourceContext {
  userId: string;
  from: string;
  to: string;
  format: ReportFormat;
  settings: UserSettings;
  fmt: LocaleFormat;
  categories: LedgerCategory[];
}

/** A report ready to be written: its CSV columns, the work it will take, and its blocks. */
export interface PreparedReport {
  csvColumns: string[];
  units: number;
  /** `db()`: the current job step's transaction, the only connection reads may use while it is open. */
  blocks(db: () => EntityManager): AsyncGenerator<ReportBlock>;
}

/** Rows fetched per query when streaming a long list: memory holds one page, whatever the range. */
export const PAGE_ROWS = 1000;

/** A category's name with its parent's ("Food › Restaurants"); null id: by kind. */
export function categoryLabeler(categories: readonly LedgerCategory[]): (id: string | null) => string {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const labels = new Map<string, string>();
  return (id) => {
    if (id === null) return "";
    let label = labels.get(id);
    if (label === undefined) {
      const c = byId.get(id);
      const parent = c?.parentId ? byId.get(c.parentId) : undefined;
      label = c ? (parent ? `${parent.name} › ${c.name}` : c.name) : "";
      labels.set(id, label);
    }
    return label;
  };
}
