/**
 * Turns uploaded OFX bytes into text. OFX 1.x declares its charset in the header (most banks send
 * CHARSET:1252) and OFX 2.x in the XML declaration; reading such a file as UTF-8 would mangle every
 * accented payee. Undeclared files are tried as UTF-8 and fall back to Windows-1252.
 */
export function decodeOfx(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const declared = /encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? /^\s*CHARSET\s*:\s*([\w-]+)/im.exec(head)?.[1] ?? null;
  const label = declared ? charsetLabel(declared) : null;
  if (label) return new TextDecoder(label).decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function charsetLabel(declared: string): string | null {
  const name = declared.trim().toLowerCase();
  if (name === "none" || name === "") return null;
  if (name === "1252") return "windows-1252";
  if (/^\d+$/.test(name)) return `windows-${name}`;
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return null;
  }
}
