/**
 * A setting that cannot be used. Boot code prints only `message` (one line naming the setting)
 * and exits, so an operator sees what to fix rather than a stack trace.
 */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    reason: string,
  ) {
    super(`invalid setting ${setting}: ${reason}`);
    this.name = "ConfigError";
  }
}
