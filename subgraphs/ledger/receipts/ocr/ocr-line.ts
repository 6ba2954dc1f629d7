/** One recognized line of a receipt, top to bottom, with the mean confidence of its words (0..1). */
export interface OcrLine {
  text: string;
  confidence: number;
}

/** Lines from plain text at one confidence, for tests and for text that needed no recognition. */
export function linesFromText(text: string, confidence = 1): OcrLine[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => ({ text: line, confidence }));
}
