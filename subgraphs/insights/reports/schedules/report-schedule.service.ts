import type { DataSource } from "typeorm";

import { badInput, notFound } from "../../../../platform/errors/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../../platform/time/index.js";
import { ReportFormat, ReportKind } from "../report.model.js";
import type { ReportSchedule, ReportScheduleStore } from "./report-schedule.store.js";

export const MAX_SCHEDULES_PER_USER = 10;

/** Users' monthly report schedules: checked and capped. */
export class ReportScheduleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly store: ReportScheduleStore,
  ) {}

  async create(userId: string, input: { kind: ReportKind; format: ReportFormat; dayOfMonth: number }): Promise<ReportSchedule> {
    if (!Object.values(ReportKind).includes(input.kind)) throw badInput("unknown report kind", { field: "kind" });
    if (!Object.values(ReportFormat).includes(input.format)) throw badInput("unknown report format", { field: "format" });
    // 28 at most: every month has the day.
    if (!Number.isInteger(input.dayOfMonth) || input.dayOfMonth < 1 || input.dayOfMonth > 28)
      throw badInput("dayOfMonth must be between 1 and 28", { field: "dayOfMonth" });
    const schedule: ReportSchedule = { id: this.ids.next(), userId, ...input, createdAt: this.clock.now() };
    return this.dataSource.transaction(async (manager) => {
      if ((await this.store.lockAndCount(manager, userId)) >= MAX_SCHEDULES_PER_USER)
        throw badInput(`at most ${MAX_SCHEDULES_PER_USER} report schedules`, { field: "input" });
      await this.store.insert(manager, schedule);
      return schedule;
    });
  }

  list(userId: string): Promise<ReportSchedule[]> {
    return this.store.list(userId);
  }

  async delete(userId: string, id: string): Promise<void> {
    const deleted = isUuid(id) && (await this.dataSource.transaction((manager) => this.store.delete(manager, userId, id)));
    if (!deleted) throw notFound("report schedule");
  }
}
