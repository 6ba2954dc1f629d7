/** Longest key accepted: deep enough for `<area>/<user>/<id>.<ext>`, short enough for any store. */
export const MAX_STORAGE_KEY_LENGTH = 512;

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** A key that is not a plain relative path of safe segments (traversal, absolute, empty, odd characters). */
export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`invalid storage key ${JSON.stringify(key.slice(0, 80))}`);
    this.name = "InvalidStorageKeyError";
  }
}

/**
 * The key unchanged when every `/`-separated segment is safe: letters, digits, `.`, `_`, `-`,
 * not starting with a dot (so no `.`, `..` or hidden files), no empty segment (so no leading,
 * trailing or doubled slash). Refusing beats rewriting: two keys never map to one file.
 */
export function checkedStorageKey(key: string): string {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_STORAGE_KEY_LENGTH) throw new InvalidStorageKeyError(String(key));
  if (!key.split("/").every((segment) => SEGMENT.test(segment))) throw new InvalidStorageKeyError(key);
  return key;
}
