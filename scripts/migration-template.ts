/**
 * What `npm run migration:create` writes: a file name and class name that sort after every existing
 * migration (epoch milliseconds), and an empty up/down pair in the schema the subgraph owns.
 */
export interface NewMigration {
  /** Relative to the repository root. */
  path: string;
  className: string;
  source: string;
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SUBGRAPH = /^[a-z][a-z0-9-]*$/;

export function newMigration(subgraph: string, name: string, epochMs: number): NewMigration {
  if (!SUBGRAPH.test(subgraph)) throw new Error(`subgraph "${subgraph}" must be a folder name under subgraphs/ (lower case)`);
  if (!KEBAB.test(name)) throw new Error(`migration name "${name}" must be kebab-case, e.g. add-payee-index`);
  if (!Number.isSafeInteger(epochMs) || epochMs <= 0) throw new Error("the timestamp must be epoch milliseconds");
  const pascal = name
    .split("-")
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
  const className = `${pascal}${epochMs}`;
  const schema = subgraph.replace(/-/g, "_");
  const source = `import type { MigrationInterface, QueryRunner } from "typeorm";

/** TODO: say why this change is needed (what a user or a query gains). */
export class ${className} implements MigrationInterface {
  name = "${className}";

  async up(q: QueryRunner): Promise<void> {
    await q.query(\`SELECT 1 -- TODO: change the ${schema} schema here\`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(\`SELECT 1 -- TODO: undo up()\`);
  }
}
`;
  return { path: `subgraphs/${subgraph}/migrations/${epochMs}-${name}.ts`, className, source };
}
