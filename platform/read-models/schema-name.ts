const SCHEMA = /^[a-z_][a-z0-9_]*$/;

/** A subgraph's schema name, checked before it is written into SQL (read models name their tables by it). */
export function checkedSchema(schema: string): string {
  if (!SCHEMA.test(schema)) throw new Error(`"${schema}" is not a subgraph schema name`);
  return schema;
}
