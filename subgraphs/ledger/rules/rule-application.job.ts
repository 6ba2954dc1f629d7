import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import { encodeDatedCursor } from "../../../platform/graphql/index.js";
import type { JobExecution, JobHandler, JobRecord, JobStepResult } from "../../../platform/jobs/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { LEDGER_RULES_TOPIC, RULE_APPLICATION_UPDATED, type RuleApplicationUpdatedV1 } from "../../../schema/events/ledger.js";
import type { TransactionQueries, TransactionQuery } from "../transactions/transaction-query.service.js";
import { APPLY_PAGE, RuleService } from "./rule.service.js";
import { RuleApplicationEntity } from "./rule-application.entity.js";

export const RULE_APPLICATION_JOB = "ledger.rules.apply";

export interface RuleApplicationJobPayload {
  applicationId: string;
  /** The request's trace id, carried by every event the application writes. */
  traceId: string;
}

/**
 * Where the job is: `after`, the list cursor of the last transaction of the last committed page
 * (null: from the newest), and the counts so far. Written with each page's changes.
 */
export interface RuleApplicationCursor {
  after: string | null;
  examined: number;
  changed: number;
}

export interface RuleApplicationJobDeps {
  clock: Clock;
  outbox: Outbox;
  queries: TransactionQueries;
  rules: RuleService;
}

/**
 * The background work of `applyRules`. Step 1 marks the application RUNNING; each next step reads
 * one page (APPLY_PAGE) of the matching transactions after the cursor, in list order, runs the
 * rules over it and writes the changes, their events, the application's counts and the job's
 * cursor in one transaction; the step that finds no further page marks it COMPLETED. Every step
 * also writes `RuleApplicationUpdated` to the outbox. The list order (date, created_at, id) is
 * one rules never change, so a run resumed from the cursor sees exactly the transactions an
 * uninterrupted run would have.
 */
export function ruleApplicationJobHandler(deps: RuleApplicationJobDeps): JobHandler<RuleApplicationJobPayload, RuleApplicationCursor> {
  return {
    kind: RULE_APPLICATION_JOB,
    open: (job) => new RuleApplicationRun(deps, job),
    failed: async (manager, job, message) => {
      const application = await manager.findOneBy(RuleApplicationEntity, { id: job.payload.applicationId });
      if (!application) return;
      application.status = "FAILED";
      application.error = message;
      application.finishedAt = deps.clock.now();
      await manager.save(application);
      await announce(deps, manager, application, job.payload.traceId);
    },
  };
}

class RuleApplicationRun implements JobExecution<RuleApplicationCursor> {
  private cursor: RuleApplicationCursor | null;
  /** The stored filter, prepared once per run (inside the first step's transaction). */
  private query?: TransactionQuery;

  constructor(
    private readonly deps: RuleApplicationJobDeps,
    private readonly job: JobRecord<RuleApplicationJobPayload, RuleApplicationCursor>,
  ) {
    this.cursor = job.cursor;
  }

  async step(manager: EntityManager): Promise<JobStepResult<RuleApplicationCursor>> {
    const application = await manager.findOneByOrFail(RuleApplicationEntity, { id: this.job.payload.applicationId });
    const { userId } = application;
    if (this.cursor === null) return this.begin(manager, application);
    // Everything through `manager`: on embedded PGlite the step's transaction holds the only session.
    this.query ??= RuleService.applicationScope(await this.deps.queries.prepare(userId, application.filter, manager));
    const { rows, hasNextPage } = await this.deps.queries.page(userId, this.query, APPLY_PAGE, this.cursor.after, manager);
    const counts = await this.deps.rules.applyToPage(manager, userId, rows, this.job.payload.traceId);
    const last = rows.at(-1);
    this.cursor = {
      after: last ? encodeDatedCursor(last) : this.cursor.after,
      examined: this.cursor.examined + counts.examined,
      changed: this.cursor.changed + counts.changed,
    };
    application.examined = this.cursor.examined;
    application.changed = this.cursor.changed;
    const done = !hasNextPage;
    if (done) {
      application.status = "COMPLETED";
      application.finishedAt = this.deps.clock.now();
    }
    await manager.save(application);
    await announce(this.deps, manager, application, this.job.payload.traceId);
    return { cursor: this.cursor, progress: { examined: this.cursor.examined, changed: this.cursor.changed }, done };
  }

  /** Step 1: RUNNING, so clients see the application has started. */
  private async begin(manager: EntityManager, application: RuleApplicationEntity): Promise<JobStepResult<RuleApplicationCursor>> {
    application.status = "RUNNING";
    application.startedAt = this.deps.clock.now();
    await manager.save(application);
    await announce(this.deps, manager, application, this.job.payload.traceId);
    this.cursor = { after: null, examined: 0, changed: 0 };
    return { cursor: this.cursor, progress: { examined: 0, changed: 0 }, done: false };
  }
}

async function announce(deps: RuleApplicationJobDeps, manager: EntityManager, application: RuleApplicationEntity, traceId: string) {
  const data: RuleApplicationUpdatedV1 = { applicationId: application.id, userId: application.userId };
  await deps.outbox.add(manager, traceId, [{ topic: LEDGER_RULES_TOPIC, type: RULE_APPLICATION_UPDATED, key: application.userId, data }]);
}
