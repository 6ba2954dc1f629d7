import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { linesFromText } from "./ocr-line.js";
import { dateIn, receiptDate } from "./receipt-date.parse.js";

const us = { dayFirst: false };
const eu = { dayFirst: true };

describe("dateIn", () => {
  it.each([
    ["2026-03-14 10:22", us, "2026-03-14"],
    ["03/14/2026", us, "2026-03-14"],
    ["03/14/2026", eu, "2026-03-14"],
    ["14.03.2026", us, "2026-03-14"],
    ["14/03/26 18:05", eu, "2026-03-14"],
    ["03/04/2026", us, "2026-03-04"],
    ["03/04/2026", eu, "2026-04-03"],
    ["Mar 14 2026", us, "2026-03-14"],
    ["March 14, 2026 7:45 PM", eu, "2026-03-14"],
    ["14 Mar 2026", us, "2026-03-14"],
    ["14-MAR-26", us, "2026-03-14"],
    ["Date: Sept. 3rd, 2026", us, "2026-09-03"],
  ])("reads %s", (line, hint, expected) => {
    expect(dateIn(line, hint)?.date).toBe(expected);
  });

  it.each(["02/30/2026", "13/13/2026", "Total 12.34", "Tel 555-123-4567", "2026"])("finds no date in %s", (line) => {
    expect(dateIn(line, us)).toBeNull();
  });

  it("is less sure of a date whose day and month could swap", () => {
    expect(dateIn("03/04/2026", us)!.certainty).toBeLessThan(dateIn("03/14/2026", us)!.certainty);
  });

  it("reads back any date printed in any supported layout", () => {
    const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 5 }),
        (d, layout) => {
          const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
          const p2 = (n: number) => String(n).padStart(2, "0");
          const printed = [
            `${y}-${p2(m)}-${p2(day)}`,
            `${p2(m)}/${p2(day)}/${y}`,
            `${p2(day)}.${p2(m)}.${y}`,
            `${MONTHS[m - 1]} ${day} ${y}`,
            `${day} ${MONTHS[m - 1]} ${y}`,
            `${p2(day)}/${p2(m)}/${String(y).slice(2)}`,
          ][layout]!;
          const hint = { dayFirst: layout === 5 };
          expect(dateIn(printed, hint)?.date).toBe(`${y}-${p2(m)}-${p2(day)}`);
        },
      ),
    );
  });
});

describe("receiptDate", () => {
  it("prefers the line labelled DATE and scales by the line's confidence", () => {
    const lines = [...linesFromText("Order 01/02/2026 ref"), { text: "Date: 2026-03-14", confidence: 0.8 }];
    expect(receiptDate(lines, us)).toEqual({ value: "2026-03-14", confidence: 0.8 });
  });

  it("gives no date with no confidence when none is printed", () => {
    expect(receiptDate(linesFromText("Coffee 3.50\nTOTAL 3.50"), us)).toEqual({ value: null, confidence: 0 });
  });
});
