import type { Logger } from "pino";
import type { DataSource } from "typeorm";

import { isClientError } from "../../../../platform/errors/index.js";
import { type Clock, type IdGenerator, localDay } from "../../../../platform/time/index.js";
import type { ReportService } from "../report.service.js";
import { previousMonth } from "../report-range.js";
import type { ReportScheduleStore } from "./report-schedule.store.js";

const PAGE = 500;

/**
 * Makes each schedule's monthly report: once the schedule's day has come in the owner's time zone
 * (or later in the month, if no pass ran on the day), a report of last month (a schedule made
 * after this month's day starts next month), queued like one
 * asked for. `insights.reports` is unique on (schedule, month), so however many passes and
 * instances run, a schedule makes one report a month; its `ReportReady` says `scheduled: true`.
 */
export class ReportScheduler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly schedules: ReportScheduleStore,
    private readonly reports: ReportService,
    private readonly logger: Logger,
  ) {}

  /** Returns how many reports were queued. */
  async pass(): Promise<number> {
    let queued = 0;
    let after: string | null = null;
    for (;;) {
      const page = await this.schedules.candidates(after, PAGE);
      for (const schedule of page) {
        const today = localDay(this.clock.now(), schedule.timezone);
        const due = `${today.slice(0, 8)}${String(schedule.dayOfMonth).padStart(2, "0")}`;
        // Not yet this month's day; or the schedule was made after it (its first report is next month's).
        if (today < due || localDay(schedule.createdAt, schedule.timezone) > due) continue;
        const last = previousMonth(today);
        try {
          const made = await this.dataSource.transaction((manager) =>
            this.reports.queue(
              manager,
              schedule.userId,
              this.ids.next(),
              { kind: schedule.kind, format: schedule.format, from: last.from, to: last.to },
              `report-schedule-${schedule.id}-${last.month}`,
              { id: schedule.id, month: last.month },
            ),
          );
          if (made) queued++;
        } catch (error) {
          // Over the user's cap: the next pass tries again.
          if (!isClientError(error)) throw error;
          this.logger.info({ scheduleId: schedule.id, reason: error.message }, "scheduled report postponed");
        }
      }
      if (page.length < PAGE) break;
      after = page.at(-1)!.id;
    }
    return queued;
  }
}
