import type { DataSource, EntityManager } from "typeorm";

import type { JobQueue } from "../../../platform/jobs/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import type { TransactionFilter } from "../transactions/transaction.inputs.js";
import type { TransactionQueries } from "../transactions/transaction-query.service.js";
import { RuleApplicationEntity } from "./rule-application.entity.js";
import { RULE_APPLICATION_JOB, type RuleApplicationJobPayload } from "./rule-application.job.js";

/**
 * `applyRules`, the request side: the filter is checked at once (a bad one is refused before
 * anything is stored), then the application is stored and its job queued in one transaction. The
 * request never waits for the transactions: clients follow the application (`ruleApplication`,
 * `ruleApplicationUpdated`).
 */
export class RuleApplicationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly queries: TransactionQueries,
    private readonly jobs: JobQueue,
  ) {}

  async start(userId: string, filter: TransactionFilter | null, traceId: string): Promise<RuleApplicationEntity> {
    await this.queries.prepare(userId, filter);
    const id = this.ids.next();
    return this.dataSource.transaction(async (manager) => {
      const application: RuleApplicationEntity = Object.assign(new RuleApplicationEntity(), {
        id,
        userId,
        status: "QUEUED",
        examined: 0,
        changed: 0,
        // The GraphQL input as sent (strings, ids, enums), not the prepared query (bigints, widened categories).
        filter: filter === null ? null : jsonSafe(filter),
        error: null,
        createdAt: this.clock.now(),
        startedAt: null,
        finishedAt: null,
      });
      await manager.insert(RuleApplicationEntity, application);
      const payload: RuleApplicationJobPayload = { applicationId: id, traceId };
      await this.jobs.enqueue(manager, { kind: RULE_APPLICATION_JOB, userId, payload });
      return application;
    });
  }

  async find(userId: string, id: string): Promise<RuleApplicationEntity | null> {
    return isUuid(id) ? this.dataSource.getRepository(RuleApplicationEntity).findOneBy({ id, userId }) : null;
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(RuleApplicationEntity, { userId });
  }
}

/** A plain copy of the input object (type-graphql builds class instances; nested inputs too). */
function jsonSafe(filter: TransactionFilter): TransactionFilter {
  return JSON.parse(JSON.stringify(filter)) as TransactionFilter;
}
