/**
 * `npm run --silent keys`: prints a fresh Ed25519 pair for the gateway → subgraph caller token, as
 * .env lines (the gateway gets the private key, subgraphs the public one).
 *
 * `keys --write <dir>` (the compose `keys` service): writes `<dir>/private/internal-jwt.pem` and
 * `<dir>/public/internal-jwt.pem` for INTERNAL_JWT_PRIVATE_KEY_FILE / INTERNAL_JWT_PUBLIC_KEY_FILE,
 * once: an existing pair is kept, so restarts do not invalidate tokens in flight.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { exportInternalKeys, generateInternalKeys } from "../platform/auth/internal-token.js";

const pem = async () => exportInternalKeys(await generateInternalKeys());
const [flag, dir] = process.argv.slice(2);

if (flag === "--write") {
  if (!dir) throw new Error("usage: keys --write <dir>");
  const privateFile = join(dir, "private", "internal-jwt.pem");
  const publicFile = join(dir, "public", "internal-jwt.pem");
  if (existsSync(privateFile) && existsSync(publicFile)) {
    console.log(`internal key pair already in ${dir}; kept`);
  } else {
    const keys = await pem();
    mkdirSync(join(dir, "private"), { recursive: true });
    mkdirSync(join(dir, "public"), { recursive: true });
    writeFileSync(privateFile, keys.privateKey, { mode: 0o600 });
    writeFileSync(publicFile, keys.publicKey, { mode: 0o644 });
    console.log(`wrote a new internal key pair to ${dir}`);
  }
} else {
  const keys = await pem();
  const quote = (value: string) => `"${value.trim().replace(/\n/g, "\\n")}"`;
  console.log(`INTERNAL_JWT_PRIVATE_KEY=${quote(keys.privateKey)}`);
  console.log(`INTERNAL_JWT_PUBLIC_KEY=${quote(keys.publicKey)}`);
}
