import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";

import { winAnsiHex, winAnsiText } from "./win-ansi.js";

export interface PdfColumn {
  label: string;
  width: number;
  align?: "left" | "right";
}

/** What PDFKit keeps of the current font (not in its types): the resource name and a reference to register on a page. */
interface FontInternals {
  id: string;
  ascender: number;
  ref(): unknown;
}

const MARGIN = 40;
const ROW_HEIGHT = 11;
const TABLE_FONT_SIZE = 8;
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";

/**
 * A report's PDF, written page by page to its stream (PDFKit flushes each finished page, so a
 * statement of thousands of rows never sits in memory whole). Headings, facts and charts use
 * PDFKit's own text and svg-to-pdfkit; table rows take a direct path (one text object per row,
 * operators written straight to the page) because PDFKit's general `text()` costs about 40 µs a
 * call, which for 20,000 transactions of five cells is four seconds on its own.
 */
export class PdfReport {
  readonly doc: PDFKit.PDFDocument;
  private y = MARGIN;
  private columns: PdfColumn[] = [];
  private readonly widths = new Map<string, number>();

  constructor(info: { title: string; author?: string }) {
    this.doc = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: winAnsiText(info.title), Author: "Moneta" }, compress: true });
    this.doc.font(FONT);
  }

  private get bottom() {
    return this.doc.page.height - MARGIN;
  }
  private get contentWidth() {
    return this.doc.page.width - 2 * MARGIN;
  }

  /** The first page: title, subtitle and what the report is about. */
  titlePage(title: string, subtitle: string, facts: ReadonlyArray<[string, string]>): void {
    const { doc } = this;
    doc.font(BOLD).fontSize(24).text(winAnsiText(title), MARGIN, 160, { width: this.contentWidth });
    doc.font(FONT).fontSize(13).fillColor("#444").text(winAnsiText(subtitle), { width: this.contentWidth });
    doc.moveDown(2).fontSize(11).fillColor("black");
    for (const [label, value] of facts)
      doc
        .font(BOLD)
        .text(`${winAnsiText(label)}: `, { continued: true })
        .font(FONT)
        .text(winAnsiText(value));
    this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN;
  }

  private ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  heading(text: string, size = 15): void {
    this.ensure(size * 3);
    if (this.y > MARGIN) this.y += size * 0.6;
    this.doc.font(BOLD).fontSize(size).fillColor("black").text(winAnsiText(text), MARGIN, this.y, { width: this.contentWidth });
    this.y = this.doc.y + 4;
  }

  /** Label–value lines ("Opening balance  $1,000.00"), values right-aligned. */
  facts(pairs: ReadonlyArray<[string, string]>): void {
    const { doc } = this;
    doc.fontSize(10);
    for (const [label, value] of pairs) {
      this.ensure(14);
      doc.font(FONT).text(winAnsiText(label), MARGIN, this.y, { lineBreak: false });
      doc.font(BOLD).text(winAnsiText(value), MARGIN, this.y, { width: 300, align: "right", lineBreak: false });
      this.y += 14;
    }
    this.y += 4;
  }

  /** A chart drawn as vector graphics from its SVG, under a caption. */
  chart(caption: string, svg: string, width: number, height: number): void {
    this.ensure(height + 30);
    this.doc.font(BOLD).fontSize(11).fillColor("black").text(winAnsiText(caption), MARGIN, this.y, { lineBreak: false });
    this.y += 16;
    SVGtoPDF(this.doc, svg, MARGIN, this.y, { width, height, assumePt: true, preserveAspectRatio: "xMinYMin meet" });
    this.y += height + 12;
  }

  /** Starts a table: its header now, and again on every page its rows run onto. */
  table(columns: PdfColumn[]): void {
    this.columns = columns;
    this.ensure(ROW_HEIGHT * 3);
    this.header();
  }

  private header(): void {
    const { doc } = this;
    doc.font(BOLD).fontSize(TABLE_FONT_SIZE).fillColor("black");
    this.textRow(this.columns.map((c) => c.label));
    doc
      .moveTo(MARGIN, this.y - 2)
      .lineTo(MARGIN + this.contentWidth, this.y - 2)
      .lineWidth(0.5)
      .stroke();
    doc.font(FONT);
  }

  rows(rows: readonly string[][]): void {
    this.doc.font(FONT).fontSize(TABLE_FONT_SIZE);
    for (const cells of rows) {
      if (this.y + ROW_HEIGHT > this.bottom) {
        this.newPage();
        this.header();
        this.doc.font(FONT).fontSize(TABLE_FONT_SIZE);
      }
      this.textRow(cells);
    }
  }

  /** Width of `text` in the current font, cached: dates, categories and payees repeat down a statement. */
  private width(text: string): number {
    const doc = this.doc as unknown as { _font: FontInternals; _fontSize: number };
    const key = `${doc._fontSize}|${doc._font.id}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      if (this.widths.size > 20_000) this.widths.clear();
      width = this.doc.widthOfString(text);
      this.widths.set(key, width);
    }
    return width;
  }

  /** `text` cut with an ellipsis to fit `max` points. */
  private fit(text: string, max: number): string {
    let out = text;
    for (let tries = 0; tries < 4 && this.width(out) > max; tries++) {
      out = `${out.slice(0, Math.max(1, Math.floor((out.length * max) / this.width(out)) - 2))}…`;
    }
    return out;
  }

  /** One row of cells as one text object, written straight to the page's content stream. */
  private textRow(cells: readonly string[]): void {
    const doc = this.doc as PDFKit.PDFDocument & { _font: FontInternals; _fontSize: number; page: { fonts: Record<string, unknown> } };
    const font = doc._font;
    doc.page.fonts[font.id] ??= font.ref();
    const size = doc._fontSize;
    // PDFKit draws in a flipped space (y down); text is drawn in the PDF's own (y up).
    const baseline = doc.page.height - this.y - (font.ascender / 1000) * size;
    let x = MARGIN;
    let ops = `q 1 0 0 -1 0 ${doc.page.height} cm BT /${font.id} ${size} Tf`;
    this.columns.forEach((column, i) => {
      const text = this.fit(winAnsiText(cells[i] ?? ""), column.width - 4);
      if (text !== "") {
        const left = column.align === "right" ? x + column.width - 4 - this.width(text) : x;
        ops += ` 1 0 0 1 ${left.toFixed(2)} ${baseline.toFixed(2)} Tm <${winAnsiHex(text)}> Tj`;
      }
      x += column.width;
    });
    doc.addContent(`${ops} ET Q`);
    this.y += ROW_HEIGHT;
  }

  end(): void {
    this.doc.end();
  }
}
