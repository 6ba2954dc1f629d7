import { describe, expect, it } from "vitest";

import { matchesFileSignature } from "./file-signature.js";

const bytes = (...parts: Array<number[] | string>) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

describe("file signatures", () => {
  const samples: Record<string, Buffer> = {
    "image/jpeg": bytes([0xff, 0xd8, 0xff, 0xe0], "\0\x10JFIF"),
    "image/png": bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "\0\0\0\rIHDR"),
    "image/webp": bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "),
    "image/heic": bytes([0, 0, 0, 0x18], "ftypheic", "\0\0\0\0"),
    "application/pdf": bytes("%PDF-1.7\n%"),
  };

  it("match each type's own magic bytes and no other type's", () => {
    for (const type of Object.keys(samples))
      for (const [other, otherHead] of Object.entries(samples)) expect(matchesFileSignature(type, otherHead)).toBe(type === other);
  });

  it("refuse short heads, text posing as an image, and unknown types", () => {
    expect(matchesFileSignature("image/jpeg", Buffer.from([0xff, 0xd8]))).toBe(false);
    expect(matchesFileSignature("image/png", Buffer.from("PNG but really text"))).toBe(false);
    expect(matchesFileSignature("image/webp", bytes("RIFF", [0, 0, 0, 0], "WAVE"))).toBe(false);
    expect(matchesFileSignature("image/heic", bytes([0, 0, 0, 0x18], "ftypisom"))).toBe(false);
    expect(matchesFileSignature("text/plain", Buffer.from("%PDF-1.7"))).toBe(false);
  });
});
