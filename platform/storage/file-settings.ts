import { ConfigError } from "../config/config-error.js";

/** Where generated files are kept and how download links are signed; read by the gateway and by subgraphs that make files. */
export interface FileSettings {
  /** `FILE_STORAGE_DIR`, default `.moneta/files` (relative to the working directory). */
  dir: string;
  /** `FILE_LINK_SECRET`: HMAC key shared by the signer (a subgraph) and the verifier (the gateway). */
  linkSecret: string;
}

export const FILE_SETTINGS_ENV = Object.freeze({ dir: "FILE_STORAGE_DIR", linkSecret: "FILE_LINK_SECRET" });

/**
 * Outside production an unset secret falls back to this, so `npm start` and the tests need no
 * setup; production refuses to start without a real one (anyone who read this line could forge links).
 */
export const DEVELOPMENT_FILE_LINK_SECRET = "moneta-development-file-link-secret-not-for-production";

const MIN_SECRET_LENGTH = 32;

export function loadFileSettings(env: NodeJS.ProcessEnv = process.env): FileSettings {
  const dir = env[FILE_SETTINGS_ENV.dir]?.trim() || ".moneta/files";
  const secret = env[FILE_SETTINGS_ENV.linkSecret]?.trim();
  const production = env.NODE_ENV === "production";
  if (!secret) {
    if (production) throw new ConfigError(FILE_SETTINGS_ENV.linkSecret, "required in production (32 or more random characters)");
    return { dir, linkSecret: DEVELOPMENT_FILE_LINK_SECRET };
  }
  if (secret.length < MIN_SECRET_LENGTH)
    throw new ConfigError(FILE_SETTINGS_ENV.linkSecret, `must be at least ${MIN_SECRET_LENGTH} characters`);
  if (production && secret === DEVELOPMENT_FILE_LINK_SECRET)
    throw new ConfigError(FILE_SETTINGS_ENV.linkSecret, "the development default cannot be used in production");
  return { dir, linkSecret: secret };
}
