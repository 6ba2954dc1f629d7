declare module "svg-to-pdfkit" {
  /** Draws SVG markup into a PDFKit document as vector operations (paths, fills, text). */
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: {
      width?: number;
      height?: number;
      assumePt?: boolean;
      preserveAspectRatio?: string;
      fontCallback?: (...args: unknown[]) => string;
    },
  ): void;
}
