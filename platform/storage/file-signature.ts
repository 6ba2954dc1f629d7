/** Bytes needed to recognise every type below. */
export const SIGNATURE_BYTES = 12;

const startsWith = (head: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * Whether the first bytes of a file are those of `contentType`: a declared type is a claim, the
 * magic number is the evidence (a renamed executable is no JPEG). Unknown types never match.
 */
export function matchesFileSignature(contentType: string, head: Buffer): boolean {
  switch (contentType) {
    case "image/jpeg":
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case "image/png":
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "image/webp":
      return startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8);
    case "image/heic":
      // ISO base media: a box size, then `ftyp` and a HEIF brand.
      return (
        startsWith(head, ascii("ftyp"), 4) &&
        ["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"].some((brand) => startsWith(head, ascii(brand), 8))
      );
    case "application/pdf":
      return startsWith(head, ascii("%PDF-"));
    default:
      return false;
  }
}
