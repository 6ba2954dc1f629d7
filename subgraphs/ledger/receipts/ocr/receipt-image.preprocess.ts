/**
 * Turns an uploaded photo into what Tesseract reads best: upright (EXIF orientation applied),
 * grayscale, scaled so body text is about 30 px high (a till roll photographed whole is ~1500 px
 * wide at that size), contrast stretched, then binarised at a fixed gray level. On the generated
 * set the threshold read 24/24 dates against 22/24 leaving it to Tesseract's own binarisation
 * (totals and merchants alike); speckle and JPEG ringing lighter than the ink drop out.
 */
import sharp, { type Sharp } from "sharp";

import { UnreadableReceiptError } from "./receipt-reader.js";

/** Content types read as images; HEIC only where this sharp build can decode HEVC (the prebuilt one cannot). */
const IMAGE_TYPES = new Set(["image/jpeg", "image/jpg", "image/png", "image/webp", "image/heic", "image/heif"]);
const TARGET_WIDTH = 1500;
/** Phone photos beyond this many pixels are decoded anyway, but nothing larger (decompression bombs). */
const MAX_INPUT_PIXELS = 60_000_000;

export interface PreprocessOptions {
  /** Binarise at this gray level (0..255); null leaves it to Tesseract. Default: 150. */
  threshold?: number | null;
}

const DEFAULT_THRESHOLD = 150;

export async function preprocessReceiptImage(file: Buffer, contentType: string, options: PreprocessOptions = {}): Promise<Buffer> {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "application/pdf")
    throw new UnreadableReceiptError(
      "PDF receipts cannot be read yet: no PDF rasterizer is installed on the server. Upload a photo or screenshot (JPEG, PNG or WebP).",
    );
  if (!IMAGE_TYPES.has(type)) throw new UnreadableReceiptError(`A receipt must be a JPEG, PNG or WebP image, not ${type}.`);
  let image: Sharp;
  let width: number;
  try {
    image = sharp(file, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" });
    const metadata = await image.metadata();
    const oriented = (metadata.orientation ?? 1) >= 5;
    width = (oriented ? metadata.height : metadata.width) ?? 0;
    if (width === 0) throw new Error("no dimensions");
  } catch (error) {
    throw new UnreadableReceiptError(unreadableReason(type, error));
  }
  const scaled = Math.round(Math.min(3, Math.max(0.25, TARGET_WIDTH / width)) * width);
  let pipeline = image.rotate().grayscale().resize({ width: scaled, kernel: "lanczos3" }).normalise();
  const threshold = options.threshold === undefined ? DEFAULT_THRESHOLD : options.threshold;
  if (threshold !== null) pipeline = pipeline.threshold(threshold);
  try {
    return await pipeline.png({ compressionLevel: 1 }).toBuffer();
  } catch (error) {
    throw new UnreadableReceiptError(unreadableReason(type, error));
  }
}

function unreadableReason(type: string, error: unknown): string {
  if (type === "image/heic" || type === "image/heif")
    return "HEIC photos cannot be decoded on this server; export the photo as JPEG and upload it again.";
  const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return `The file could not be decoded as an image (${detail}).`;
}
