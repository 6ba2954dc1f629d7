import { Arg, Ctx, Directive, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { requireUserId, type RequestContext } from "../../../platform/graphql/index.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { ImportBatch, ImportTransactionsInput } from "./import.type.js";

const READ = '@requiresScopes(scopes: [["ledger:read"]])';
const WRITE = '@requiresScopes(scopes: [["ledger:write"]])';

@Resolver(() => ImportBatch)
export class ImportResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @Directive(WRITE)
  @Mutation(() => ImportBatch, { description: "Imports a CSV or OFX/QFX statement into an account; duplicates are skipped, rules applied, bad rows reported." })
  async importTransactions(@Ctx() context: RequestContext, @Arg("input", () => ImportTransactionsInput) input: ImportTransactionsInput): Promise<ImportBatch> {
    return ImportBatch.from(await this.deps.imports.run(requireUserId(context), input, context.traceId));
  }

  @Directive(READ)
  @Query(() => ImportBatch, { nullable: true })
  async importBatch(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<ImportBatch | null> {
    const batch = await this.deps.imports.find(requireUserId(context), id);
    return batch ? ImportBatch.from(batch) : null;
  }

  @Directive(READ)
  @Query(() => [ImportBatch], { description: "The caller's imports, newest first." })
  async importBatches(@Ctx() context: RequestContext, @Arg("first", () => Int, { defaultValue: 20 }) first: number): Promise<ImportBatch[]> {
    return (await this.deps.imports.list(requireUserId(context), first)).map(ImportBatch.from);
  }
}
