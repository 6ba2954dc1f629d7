/**
 * `npm run keys`: prints a fresh Ed25519 pair for the gateway → subgraph caller token, as .env lines
 * (the gateway gets the private key, subgraphs the public one).
 */
import { exportInternalKeys, generateInternalKeys } from "../platform/auth/internal-token.js";

const pem = await exportInternalKeys(await generateInternalKeys());
const quote = (value: string) => `"${value.trim().replace(/\n/g, "\\n")}"`;
console.log(`INTERNAL_JWT_PRIVATE_KEY=${quote(pem.privateKey)}`);
console.log(`INTERNAL_JWT_PUBLIC_KEY=${quote(pem.publicKey)}`);
