export { ConfigError } from "./config-error.js";
export { databaseUrlFor, loadConfig, type LoadConfigOptions, type PlatformConfig } from "./env.js";
