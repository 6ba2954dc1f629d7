import { describe, expect, it } from "vitest";

import { DEVELOPMENT_FILE_LINK_SECRET, loadFileSettings } from "./file-settings.js";

describe("file settings", () => {
  it("default to .moneta/files and a development secret outside production", () => {
    expect(loadFileSettings({})).toEqual({ dir: ".moneta/files", linkSecret: DEVELOPMENT_FILE_LINK_SECRET });
    expect(loadFileSettings({ FILE_STORAGE_DIR: "/srv/files", FILE_LINK_SECRET: "k".repeat(32) })).toEqual({
      dir: "/srv/files",
      linkSecret: "k".repeat(32),
    });
  });

  it("refuse a short secret, and production without a real one", () => {
    expect(() => loadFileSettings({ FILE_LINK_SECRET: "short" })).toThrow(/FILE_LINK_SECRET/);
    expect(() => loadFileSettings({ NODE_ENV: "production" })).toThrow(/FILE_LINK_SECRET/);
    expect(() => loadFileSettings({ NODE_ENV: "production", FILE_LINK_SECRET: DEVELOPMENT_FILE_LINK_SECRET })).toThrow(/FILE_LINK_SECRET/);
  });
});
