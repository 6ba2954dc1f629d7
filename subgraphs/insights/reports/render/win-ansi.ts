/**
 * The PDF's fonts are PDF's standard Helvetica, which every reader has and which costs no
 * embedding, but which draws only Windows-1252 (WinAnsi). Text goes through here first: the
 * spaces locales put in numbers (U+202F in fr-FR, U+00A0 in de-DE) become the no-break space,
 * the minus sign a hyphen, bidi marks nothing, and anything else outside the code page "?".
 * Printing non-Latin scripts would need an embedded font (a deployment setting, not done here).
 */
const EXTRA: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);
const SPACES = new Set([0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f]);
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff]);

/** The WinAnsi byte for one UTF-16 code unit, or -1 to drop it; `?` for what the font cannot draw. */
function byteOf(code: number): number {
  if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return code;
  if (code === 0x09 || code === 0x0a || code === 0x0d) return 0x20;
  if (SPACES.has(code)) return 0xa0;
  if (code === 0x2212) return 0x2d;
  if (INVISIBLE.has(code)) return -1;
  return EXTRA.get(code) ?? 0x3f;
}

/** Unicode for each WinAnsi byte (what PDFKit's own text calls expect and encode back). */
const UNICODE_OF = new Map([...EXTRA].map(([unicode, byte]) => [byte, unicode]));

/** Calls `emit` with each drawable byte of `text`; a surrogate pair (one character the font lacks) is one "?". */
function eachByte(text: string, emit: (byte: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = byteOf(code);
    if (code >= 0xd800 && code <= 0xdbff) i++;
    if (byte >= 0) emit(byte);
  }
}

/** Text the standard fonts can draw, as a string (for PDFKit's own text calls and for chart labels). */
export function winAnsiText(text: string): string {
  let out = "";
  eachByte(text, (byte) => (out += String.fromCharCode(UNICODE_OF.get(byte) ?? byte)));
  return out;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/** The WinAnsi bytes of `text` as PDF hex-string digits (for a raw `<...> Tj`). */
export function winAnsiHex(text: string): string {
  let out = "";
  eachByte(text, (byte) => (out += HEX[byte]));
  return out;
}
