import type * as Vega from "vega";
import type * as VegaLite from "vega-lite";
import type { TopLevelSpec } from "vega-lite";

/**
 * Vega and Vega-Lite load on the first chart, not at boot: about a third of a second of every
 * start of the process (and of each test file that starts insights) went to loading them.
 */
let libraries: Promise<[typeof Vega, typeof VegaLite]> | undefined;

/** A Vega-Lite spec drawn to SVG on the server: no canvas, no browser (text is measured by estimate). */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  libraries ??= Promise.all([import("vega"), import("vega-lite")]);
  const [{ parse, View }, { compile }] = await libraries;
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
