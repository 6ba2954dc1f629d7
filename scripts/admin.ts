/**
 * `npm run admin -- grant <email>` | `revoke <email>` | `list`: the operator role, on the database
 * directly. It is never granted through the API, so a stolen session cannot make an admin.
 * Uses the same settings as the server (DATABASE_URL, or DATABASE_URL_IDENTITY, else the embedded
 * database in MONETA_DATA_DIR/.moneta, which only one process may open: stop `npm start` first).
 */
import "reflect-metadata";

import { databaseUrlFor, loadConfig } from "../platform/config/index.js";
import { type DatabaseProvider, PgliteDatabaseProvider, PostgresDatabaseProvider } from "../platform/db/index.js";
import { randomIds, systemClock } from "../platform/time/index.js";
import { OperatorRoles, UnknownUserError } from "../subgraphs/identity/admin/operator-roles.js";
import { AuditService } from "../subgraphs/identity/audit/audit.service.js";
import identity from "../subgraphs/identity/subgraph.js";

const USAGE = "usage: npm run admin -- grant <email> | revoke <email> | list";

async function main(argv: string[]): Promise<number> {
  const [command, email] = argv;
  if (!(command === "list" || ((command === "grant" || command === "revoke") && email))) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig(process.env);
  const url = databaseUrlFor(config, "identity");
  if (!url && (await gatewayAnswers(config.host, config.gatewayPort))) {
    console.error(`Moneta is running on port ${config.gatewayPort}; the embedded database has one writer: stop it first`);
    return 1;
  }
  const provider: DatabaseProvider = url ? new PostgresDatabaseProvider() : await PgliteDatabaseProvider.create(config.dataDir);
  try {
    const { dataSource } = await provider.open("identity", { entities: identity.entities, migrations: identity.migrations }, url);
    const roles = new OperatorRoles(dataSource, new AuditService(dataSource, systemClock, randomIds), systemClock);
    if (command === "list") {
      const admins = await roles.list();
      console.log(admins.length ? admins.join("\n") : "no admins");
      return 0;
    }
    const change = command === "grant" ? await roles.grant(email!) : await roles.revoke(email!);
    const verb =
      command === "grant"
        ? change.changed
          ? "is now an admin"
          : "was already an admin"
        : change.changed
          ? "is no longer an admin"
          : "was not an admin";
    console.log(`${change.email} ${verb}`);
    return 0;
  } catch (error) {
    if (error instanceof UnknownUserError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await provider.close();
  }
}

async function gatewayAnswers(host: string, port: number): Promise<boolean> {
  try {
    await fetch(`http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}/health`, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

process.exitCode = await main(process.argv.slice(2));
