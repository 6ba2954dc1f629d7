import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * Many entity rows as one INSERT with a single parameter: the rows as a JSON array, expanded by
 * `json_populate_recordset`. TypeORM's `insert` builds one placeholder per column per row (an
 * import slice of transactions is thousands of parameters, and most of the write's CPU time); one
 * JSON text is cheap to build in Node and to parse in PostgreSQL, and array columns (tags, rule ids)
 * come through as JSON arrays, which a multi-array `unnest` cannot carry.
 */
export interface RowInsert {
  /** `INSERT INTO … SELECT … FROM json_populate_recordset(NULL::table, $n::json)` for parameter `$n`. */
  sql: (parameter: number) => string;
  /** The rows as that parameter's JSON text. */
  json: string;
}

/**
 * The INSERT for `rows` of `target`: every mapped column, by its database name, with the column's
 * transformer applied (bigints go as strings, so no precision is lost). Generated columns the
 * entity does not map (the search vector) are left to PostgreSQL.
 */
export function rowInsert<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: readonly T[]): RowInsert {
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns.filter((c) => !c.isVirtual);
  const table = metadata.schema ? `"${metadata.schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`;
  const names = columns.map((c) => `"${c.databaseName}"`).join(", ");
  // Null columns are left out of each record: json_populate_recordset over a NULL base fills a
  // missing key with NULL, and most of an imported row's columns are null (counter side, schedule,
  // suggestion, deletion), so the JSON Node builds and PostgreSQL parses is a third smaller.
  const mapped = columns.map((c) => ({
    property: c.propertyName,
    name: c.databaseName,
    to: c.transformer && !Array.isArray(c.transformer) ? c.transformer : null,
  }));
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const c of mapped) {
      const value: unknown = row[c.property];
      const stored = c.to ? c.to.to(value) : value;
      if (stored === null || stored === undefined) continue;
      record[c.name] = typeof stored === "bigint" ? stored.toString() : stored;
    }
    return record;
  });
  return {
    sql: (parameter) => `INSERT INTO ${table} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${table}, $${parameter}::json)`,
    json: JSON.stringify(records),
  };
}
