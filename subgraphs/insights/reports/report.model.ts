import { registerEnumType } from "type-graphql";

export enum ReportKind {
  MONTHLY_STATEMENT = "MONTHLY_STATEMENT",
  CATEGORY_REPORT = "CATEGORY_REPORT",
  TAX_YEAR = "TAX_YEAR",
}
registerEnumType(ReportKind, {
  name: "ReportKind",
  valuesConfig: {
    MONTHLY_STATEMENT: { description: "Per account: opening balance, every transaction, closing balance and totals." },
    CATEGORY_REPORT: { description: "Spending and income by category (subcategories rolled up), month by month." },
    TAX_YEAR: { description: "The tax subgraph's estimate for each year the range touches." },
  },
});

export enum ReportFormat {
  CSV = "CSV",
  PDF = "PDF",
}
registerEnumType(ReportFormat, { name: "ReportFormat" });

export enum ReportStatus {
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  READY = "READY",
  FAILED = "FAILED",
  EXPIRED = "EXPIRED",
}
registerEnumType(ReportStatus, { name: "ReportStatus" });

/** A report as insights keeps it (`insights.reports`). */
export interface ReportRecord {
  id: string;
  userId: string;
  kind: ReportKind;
  format: ReportFormat;
  from: string;
  to: string;
  status: ReportStatus;
  /** 0 to 1. */
  progress: number;
  error: string | null;
  storageKey: string | null;
  contentType: string | null;
  filename: string | null;
  sizeBytes: number | null;
  scheduleId: string | null;
  scheduleMonth: string | null;
  createdAt: Date;
  readyAt: Date | null;
  expiresAt: Date | null;
}

/** Files are kept this long after they are ready, then deleted and the report EXPIRED. */
export const REPORT_RETENTION_MS = 7 * 24 * 3_600_000;

/** Reports a user may have waiting or rendering at once: more is a client in a loop. */
export const MAX_PENDING_REPORTS = 5;

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  [ReportFormat.CSV]: "text/csv; charset=utf-8",
  [ReportFormat.PDF]: "application/pdf",
};

const FILE_NAMES: Record<ReportKind, string> = {
  [ReportKind.MONTHLY_STATEMENT]: "statement",
  [ReportKind.CATEGORY_REPORT]: "categories",
  [ReportKind.TAX_YEAR]: "tax-year",
};

/** The download's name: what it is and which days, e.g. `moneta-statement-2026-01-01-2026-01-31.pdf`. */
export const reportFilename = (kind: ReportKind, format: ReportFormat, from: string, to: string) =>
  `moneta-${FILE_NAMES[kind]}-${from}-${to}.${format.toLowerCase()}`;

/** Where the file is stored: under the user, so a purge knows what is theirs. */
export const reportStorageKey = (userId: string, id: string, format: ReportFormat) => `reports/${userId}/${id}.${format.toLowerCase()}`;
