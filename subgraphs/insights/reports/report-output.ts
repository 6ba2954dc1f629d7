import { once } from "node:events";
import type { Readable } from "node:stream";

import { chartSvg } from "./render/chart-svg.js";
import { csvWriter } from "./render/csv-format.js";
import { PdfReport } from "./render/pdf-report.js";
import { ReportFormat } from "./report.model.js";
import type { ReportBlock } from "./sources/report-source.js";

/** Blocks in, file bytes out on `stream` (which the job hands to storage as it goes). */
export interface ReportOutput {
  readonly stream: Readable;
  write(block: ReportBlock): Promise<void>;
  end(): void;
}

class CsvOutput implements ReportOutput {
  private readonly csv;
  constructor(columns: string[]) {
    this.csv = csvWriter(columns);
  }
  get stream(): Readable {
    return this.csv;
  }
  async write(block: ReportBlock): Promise<void> {
    const records = block.type === "rows" || block.type === "facts" ? (block.csv ?? []) : [];
    for (const record of records) {
      // Waits for storage to take what is buffered: memory holds a bounded part of the file.
      if (!this.csv.write(record)) await once(this.csv, "drain");
    }
  }
  end(): void {
    this.csv.end();
  }
}

class PdfOutput implements ReportOutput {
  private readonly pdf: PdfReport;
  constructor(title: string) {
    this.pdf = new PdfReport({ title });
  }
  get stream(): Readable {
    return this.pdf.doc;
  }
  async write(block: ReportBlock): Promise<void> {
    switch (block.type) {
      case "title":
        return this.pdf.titlePage(block.title, block.subtitle, block.facts);
      case "heading":
        return this.pdf.heading(block.text);
      case "facts":
        return this.pdf.facts(block.facts);
      case "chart":
        return this.pdf.chart(block.caption, await chartSvg(block.spec), block.width, block.height);
      case "table":
        return this.pdf.table(block.columns);
      case "rows":
        return this.pdf.rows(block.cells);
    }
  }
  end(): void {
    this.pdf.end();
  }
}

export function reportOutput(format: ReportFormat, csvColumns: string[], title: string): ReportOutput {
  return format === ReportFormat.CSV ? new CsvOutput(csvColumns) : new PdfOutput(title);
}
