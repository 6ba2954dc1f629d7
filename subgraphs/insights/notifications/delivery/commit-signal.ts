import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from "typeorm";

/**
 * Tells the sender that a transaction which queued deliveries has committed, so it sends at once
 * instead of waiting for its safety timer. Hooks TypeORM's transaction events because the writing
 * transaction is usually the inbox's (a consumer), not ours.
 */
export class CommitSignal {
  private readonly pending = new WeakSet<QueryRunner>();

  constructor(private readonly dataSource: DataSource) {}

  /** Call inside the transaction that queued work. */
  mark(manager: EntityManager): void {
    if (manager.queryRunner) this.pending.add(manager.queryRunner);
  }

  onCommitted(listener: () => void): () => void {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: ({ queryRunner }) => {
        // A released savepoint also "commits"; only the outermost COMMIT makes the rows visible.
        if (queryRunner.isTransactionActive || !this.pending.has(queryRunner)) return;
        this.pending.delete(queryRunner);
        // Never inside the commit: on PGlite the listener's queries wait for this very session.
        setImmediate(listener);
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) this.pending.delete(queryRunner);
      },
    };
    this.dataSource.subscribers.push(subscriber);
    return () => {
      const index = this.dataSource.subscribers.indexOf(subscriber);
      if (index !== -1) this.dataSource.subscribers.splice(index, 1);
    };
  }
}
