export { ConfigError } from "./config-error.js";
export { loadConfig, databaseUrlFor, type PlatformConfig, type LoadConfigOptions } from "./env.js";
