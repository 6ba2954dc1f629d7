import { Arg, Ctx, Directive, ID, Int, Mutation, Query, Resolver, Subscription } from "type-graphql";

import { liveDirective, type RequestContext, requireUserId, scopes, servedByGateway } from "../../../platform/graphql/index.js";
import { IMPORT_UPDATED, LEDGER_IMPORT_TOPIC } from "../../../schema/events/ledger.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { ImportBatch, ImportTransactionsInput } from "./import.type.js";

@Resolver(() => ImportBatch)
export class ImportResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @Directive(scopes("ledger:write"))
  @Mutation(() => ImportBatch, {
    description:
      "Accepts a CSV, OFX/QFX, QIF or CAMT.053 statement (format detected when omitted) for an account and answers at once with the import QUEUED; the rows are imported in the background " +
      "(duplicates skipped, rules applied, bad rows reported). Follow it with `importBatch(id)` or the `importUpdated(id)` subscription.",
  })
  async importTransactions(
    @Ctx() context: RequestContext,
    @Arg("input", () => ImportTransactionsInput) input: ImportTransactionsInput,
  ): Promise<ImportBatch> {
    return ImportBatch.from(await this.deps.imports.start(requireUserId(context), input, context.traceId));
  }

  @Directive(scopes("ledger:read"))
  @Query(() => ImportBatch, { nullable: true })
  async importBatch(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<ImportBatch | null> {
    const batch = await this.deps.imports.find(requireUserId(context), id);
    return batch ? ImportBatch.from(batch) : null;
  }

  @Directive(scopes("ledger:read"))
  @Query(() => [ImportBatch], { description: "The caller's imports, newest first." })
  async importBatches(
    @Ctx() context: RequestContext,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
  ): Promise<ImportBatch[]> {
    return (await this.deps.imports.list(requireUserId(context), first)).map(ImportBatch.from);
  }

  @Directive(
    liveDirective({
      topic: LEDGER_IMPORT_TOPIC,
      events: [IMPORT_UPDATED],
      lookup: "importBatch",
      id: "importId",
      match: { id: "importId" },
      audience: "owner",
    }),
  )
  @Directive(scopes("ledger:read"))
  @Subscription(() => ImportBatch, {
    description: "The import whenever its status or progress changes (when it starts, after each chunk of rows, when it ends).",
    subscribe: servedByGateway,
  })
  importUpdated(@Arg("id", () => ID) _id: string): ImportBatch {
    return servedByGateway();
  }
}
