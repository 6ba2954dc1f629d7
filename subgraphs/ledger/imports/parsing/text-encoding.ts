import iconv from "iconv-lite";

/**
 * Turns an uploaded statement's bytes into text. Banks send UTF-8 (with or without a BOM), UTF-16
 * (Windows "Unicode" exports, often without a BOM), and single-byte code pages, declared (OFX
 * `CHARSET:1252`, an XML `encoding="ISO-8859-1"`) or not. Nothing here throws: an unreadable byte
 * becomes U+FFFD, and the parser then reports the row it lands in.
 */
export interface DecodedText {
  text: string;
  /** The encoding used, as iconv-lite names it ("utf8", "utf16le", "windows1252", ...), or "mixed". */
  encoding: string;
}

const HEAD_BYTES = 4096;

export function decodeStatement(bytes: Uint8Array): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom) return finish(decodeWith(bytes.subarray(bom.length), bom.encoding), bom.encoding);
  const wide = utf16WithoutBom(bytes);
  if (wide) return finish(decodeWith(bytes, wide), wide);
  const declared = declaredEncoding(bytes);
  if (declared && declared !== "utf8") return finish(iconv.decode(Buffer.from(bytes), declared), declared);
  return decodeUtf8OrLegacy(bytes);
}

/** A UTF-16 file cut after an odd byte keeps a visible U+FFFD where its last character was. */
function decodeWith(bytes: Uint8Array, encoding: string): string {
  const text = iconv.decode(Buffer.from(bytes), encoding, { stripBOM: true });
  return encoding.startsWith("utf16") && bytes.length % 2 === 1 ? `${text}\ufffd` : text;
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf16be", length: 2 };
  return null;
}

/** Text in UTF-16 has a NUL in every other byte for ASCII; a single-byte file has almost none. */
function utf16WithoutBom(bytes: Uint8Array): "utf16le" | "utf16be" | null {
  const head = bytes.subarray(0, HEAD_BYTES);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) evenNuls++;
    else oddNuls++;
  }
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  // Trailing NUL padding fills both positions alike; only a lopsided pattern means UTF-16.
  if (oddNuls > pairs * 0.3 && evenNuls < oddNuls * 0.1) return "utf16le";
  if (evenNuls > pairs * 0.3 && oddNuls < evenNuls * 0.1) return "utf16be";
  return null;
}

/** OFX 1.x `CHARSET:` / `ENCODING:` header lines, or an XML declaration's `encoding`. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = iconv.decode(Buffer.from(bytes.subarray(0, HEAD_BYTES)), "latin1");
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  const charset = /^\s*CHARSET\s*:\s*([\w-]+)/im.exec(head)?.[1];
  const ofxEncoding = /^\s*ENCODING\s*:\s*([\w-]+)/im.exec(head)?.[1];
  for (const name of [xml, charset, ofxEncoding]) {
    const known = name ? encodingName(name) : null;
    if (known) return known;
  }
  return null;
}

function encodingName(declared: string): string | null {
  const name = declared.trim().toLowerCase();
  if (name === "none" || name === "" || name === "usascii") return null; // OFX's defaults: nothing declared
  const candidate = /^\d+$/.test(name) ? `windows${name}` : name;
  if (!iconv.encodingExists(candidate)) return null;
  const canonical = candidate.replace(/[-_]/g, "");
  return canonical === "utf8" ? "utf8" : candidate;
}

/**
 * Undeclared single-byte files are Windows-1252 in practice (a superset of ISO-8859-1's printable
 * range). A file that is UTF-8 except for some lines (a statement concatenated from two exports)
 * is decoded line by line, so neither half turns into mojibake.
 */
function decodeUtf8OrLegacy(bytes: Uint8Array): DecodedText {
  const strict = new TextDecoder("utf-8", { fatal: true });
  try {
    return finish(strict.decode(bytes), "utf8");
  } catch {
    // not valid UTF-8 as a whole
  }
  if (!hasUtf8Sequence(bytes)) return finish(iconv.decode(Buffer.from(bytes), "windows1252"), "windows1252");
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    try {
      lines.push(strict.decode(line));
    } catch {
      lines.push(iconv.decode(Buffer.from(line), "windows1252"));
    }
    start = i + 1;
  }
  return finish(lines.join("\n"), "mixed");
}

/** A well-formed two-to-four-byte UTF-8 sequence, which Windows-1252 text almost never contains. */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length - 1; i++) {
    const lead = bytes[i]!;
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) continue;
    let ok = true;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) return true;
  }
  return false;
}

// UTF-16 with a corrupt pair decodes to a lone surrogate, which no database text column takes.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Trailing NUL padding (fixed-size export buffers) is dropped; a NUL or lone surrogate inside the text becomes U+FFFD. */
function finish(text: string, encoding: string): DecodedText {
  const trimmed = text.replace(/[\0\s]+$/u, (tail) => tail.replace(/\0/g, ""));
  return { text: trimmed.replace(/\0/g, "\ufffd").replace(LONE_SURROGATE, "\ufffd"), encoding };
}
