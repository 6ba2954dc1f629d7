import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";

import { PageInfo } from "../../../platform/graphql/index.js";
import { ReportFormat, ReportKind, type ReportRecord, ReportStatus } from "./report.model.js";
import type { ReportSchedule as StoredSchedule } from "./schedules/report-schedule.store.js";

@ObjectType("Report", { description: "A report file being made or ready to download (kept 7 days once ready)." })
export class Report {
  @Field(() => ID)
  id!: string;

  @Field(() => ReportKind)
  kind!: ReportKind;

  @Field(() => ReportFormat)
  format!: ReportFormat;

  @Field(() => String, { description: "First day covered, YYYY-MM-DD." })
  from!: string;

  @Field(() => String, { description: "Last day covered, YYYY-MM-DD." })
  to!: string;

  @Field(() => ReportStatus)
  status!: ReportStatus;

  @Field(() => Float, { description: "How far the job is, from 0 to 1." })
  progress!: number;

  @Field(() => String, { nullable: true, description: "Why it FAILED." })
  error!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readyAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the file is deleted (7 days after it was ready)." })
  expiresAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      "While READY: a link on the gateway (a path, e.g. /files?token=...) that downloads the file for 15 minutes; each read makes a fresh one.",
  })
  downloadUrl!: string | null;

  @Field(() => Int, { nullable: true, description: "The file's size in bytes, once READY." })
  size!: number | null;

  @Field(() => Boolean, { description: "Made by a report schedule." })
  scheduled!: boolean;

  static from(r: ReportRecord, downloadUrl: string | null): Report {
    return Object.assign(new Report(), {
      id: r.id,
      kind: r.kind,
      format: r.format,
      from: r.from,
      to: r.to,
      status: r.status,
      progress: r.progress,
      error: r.error,
      createdAt: r.createdAt,
      readyAt: r.readyAt,
      expiresAt: r.expiresAt,
      downloadUrl,
      size: r.sizeBytes,
      scheduled: r.scheduleId !== null,
    });
  }
}

@ObjectType("ReportConnection")
export class ReportConnection {
  @Field(() => [Report])
  nodes!: Report[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType("ReportSchedule", { description: "A report made every month, on `dayOfMonth` in your time zone, of the month before." })
export class ReportScheduleType {
  @Field(() => ID)
  id!: string;

  @Field(() => ReportKind)
  kind!: ReportKind;

  @Field(() => ReportFormat)
  format!: ReportFormat;

  @Field(() => Int)
  dayOfMonth!: number;

  @Field(() => Date)
  createdAt!: Date;

  static from(s: StoredSchedule): ReportScheduleType {
    return Object.assign(new ReportScheduleType(), {
      id: s.id,
      kind: s.kind,
      format: s.format,
      dayOfMonth: s.dayOfMonth,
      createdAt: s.createdAt,
    });
  }
}

@InputType()
export class GenerateReportInput {
  @Field(() => ReportKind)
  kind!: ReportKind;

  @Field(() => String, { description: "YYYY-MM-DD; ignored but for the year by TAX_YEAR." })
  from!: string;

  @Field(() => String, { description: "YYYY-MM-DD, at most 10 years after `from`." })
  to!: string;

  @Field(() => ReportFormat)
  format!: ReportFormat;

  @Field(() => String, { nullable: true, description: "Same key and input: the first report, not a second." })
  idempotencyKey?: string | null;
}

@InputType()
export class ScheduleReportInput {
  @Field(() => ReportKind)
  kind!: ReportKind;

  @Field(() => ReportFormat)
  format!: ReportFormat;

  @Field(() => Int, { description: "1 to 28." })
  dayOfMonth!: number;
}
