import pg from "pg";

/** The database named in a URL does not exist, and the URL's role may not create it. */
export class DatabaseNotCreatableError extends Error {
  constructor(
    readonly database: string,
    message: string,
  ) {
    super(message);
    this.name = "DatabaseNotCreatableError";
  }
}

interface InfoLogger {
  info(fields: object, message: string): void;
}

// Where CREATE DATABASE is issued from: a database every server has (template1 when an admin
// dropped "postgres").
const MAINTENANCE_DATABASES = ["postgres", "template1"];

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  // A server that drops the connection later must not crash the process through an unhandled "error".
  client.on("error", () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

function codeOf(error: unknown): string | undefined {
  return (error as { code?: unknown } | undefined)?.code as string | undefined;
}

/**
 * Connects to `url` once; when its database does not exist yet (SQLSTATE 3D000), creates it from
 * a maintenance database on the same server with the same credentials, so a fresh server works
 * with `DATABASE_URL=postgres://.../moneta` and no manual step. Another instance creating it at
 * the same moment is fine. A role without CREATEDB gets a DatabaseNotCreatableError that
 * says how to create it by hand. Any other connection error is rethrown as it is.
 */
export async function ensureDatabase(url: string, logger?: InfoLogger): Promise<void> {
  try {
    await (await connect(url)).end();
    return;
  } catch (error) {
    if (codeOf(error) !== "3D000") throw error;
  }

  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!name || MAINTENANCE_DATABASES.includes(name)) throw new Error(`database "${name}" does not exist on ${parsed.host}`);

  let admin: pg.Client | undefined;
  let lastError: unknown;
  for (const maintenance of MAINTENANCE_DATABASES) {
    const adminUrl = new URL(url);
    adminUrl.pathname = `/${maintenance}`;
    try {
      admin = await connect(adminUrl.toString());
      break;
    } catch (error) {
      lastError = error;
      if (codeOf(error) !== "3D000") break;
    }
  }
  if (!admin) throw lastError;

  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
    logger?.info({ database: name, host: parsed.host }, `created database "${name}", which did not exist`);
  } catch (error) {
    // Another instance created it first: 42P04 once its row is visible, or a unique violation on
    // pg_database's name index when both CREATE DATABASE statements ran at the same moment.
    if (codeOf(error) === "42P04") return;
    if (codeOf(error) === "23505" && (error as { constraint?: string }).constraint === "pg_database_datname_index") return;
    if (codeOf(error) === "42501") {
      const user = decodeURIComponent(parsed.username) || process.env.PGUSER;
      const host = parsed.hostname || "localhost";
      const port = parsed.port || "5432";
      throw new DatabaseNotCreatableError(
        name,
        `database "${name}" does not exist and ${user ? `role "${user}"` : "this role"} may not create it: create it with ` +
          `\`createdb -h ${host} -p ${port} ${name}\` (as a role that may) or \`CREATE DATABASE ${admin.escapeIdentifier(name)};\``,
      );
    }
    throw error;
  } finally {
    await admin.end().catch(() => undefined);
  }
}
