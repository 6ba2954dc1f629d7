import { Arg, Ctx, Directive, ID, Int, Mutation, Query, Resolver, Subscription } from "type-graphql";

import { badInput } from "../../../platform/errors/index.js";
import { liveDirective, type RequestContext, requireUserId, scopes, servedByGateway } from "../../../platform/graphql/index.js";
import { isUuid } from "../../../platform/time/index.js";
import { INSIGHTS_REPORT_TOPIC, REPORT_UPDATED } from "../../../schema/events/insights.js";
import type { InsightsDeps } from "../insights.deps.js";
import type { ReportRecord } from "./report.model.js";
import { GenerateReportInput, Report, ReportConnection, ReportScheduleType, ScheduleReportInput } from "./report.type.js";

const MAX_PAGE = 100;

const encodeCursor = (r: ReportRecord) => Buffer.from(JSON.stringify([r.createdAt.toISOString(), r.id])).toString("base64url");

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof createdAt === "string" && !Number.isNaN(Date.parse(createdAt)) && isUuid(id)) return { createdAt: new Date(createdAt), id };
  } catch {
    // any undecodable cursor is the client's mistake
  }
  throw badInput("after is not a cursor this API returned", { field: "after" });
}

@Resolver(() => Report)
export class ReportResolver {
  constructor(private readonly deps: InsightsDeps) {}

  private view(r: ReportRecord): Report {
    return Report.from(r, this.deps.reports.service.downloadUrl(r));
  }

  @Directive(scopes("insights:write"))
  @Mutation(() => Report, {
    description:
      "Asks for a report file; answers at once with it QUEUED. Follow `report(id).progress` or `reportUpdated(id)` until READY, then download `downloadUrl`.",
  })
  async generateReport(
    @Ctx() context: RequestContext,
    @Arg("input", () => GenerateReportInput) input: GenerateReportInput,
  ): Promise<Report> {
    return this.view(await this.deps.reports.service.generate(requireUserId(context), input, context.traceId));
  }

  @Directive(scopes("insights:read"))
  @Query(() => Report)
  async report(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Report> {
    return this.view(await this.deps.reports.service.get(requireUserId(context), id));
  }

  @Directive(scopes("insights:read"))
  @Query(() => ReportConnection, { description: "Your reports, newest first." })
  async reports(
    @Ctx() context: RequestContext,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<ReportConnection> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      throw badInput(`first must be between 1 and ${MAX_PAGE}`, { field: "first" });
    const rows = await this.deps.reports.store.page(requireUserId(context), first + 1, after ? decodeCursor(after) : null);
    const nodes = rows.slice(0, first);
    return {
      nodes: nodes.map((r) => this.view(r)),
      pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length > 0 ? encodeCursor(nodes.at(-1)!) : null },
    };
  }

  @Directive(liveDirective({ topic: INSIGHTS_REPORT_TOPIC, events: [REPORT_UPDATED], lookup: "report", id: "id", match: { id: "id" } }))
  @Directive(scopes("insights:read"))
  @Subscription(() => Report, { description: "The report whenever its status or progress changes.", subscribe: servedByGateway })
  reportUpdated(@Arg("id", () => ID) _id: string): Report {
    return servedByGateway();
  }

  @Directive(scopes("insights:write"))
  @Mutation(() => ReportScheduleType, {
    description: "Every month on `dayOfMonth` (your time zone), a report of the month before; you are told when it is ready.",
  })
  async scheduleReport(
    @Ctx() context: RequestContext,
    @Arg("input", () => ScheduleReportInput) input: ScheduleReportInput,
  ): Promise<ReportScheduleType> {
    return ReportScheduleType.from(await this.deps.reports.schedules.create(requireUserId(context), input));
  }

  @Directive(scopes("insights:read"))
  @Query(() => [ReportScheduleType])
  async reportSchedules(@Ctx() context: RequestContext): Promise<ReportScheduleType[]> {
    return (await this.deps.reports.schedules.list(requireUserId(context))).map(ReportScheduleType.from);
  }

  @Directive(scopes("insights:write"))
  @Mutation(() => ID, { description: "Stops a schedule; reports it already made stay. Returns the id." })
  async deleteReportSchedule(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<string> {
    await this.deps.reports.schedules.delete(requireUserId(context), id);
    return id;
  }
}
