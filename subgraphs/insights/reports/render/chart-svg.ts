import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** A Vega-Lite spec drawn to SVG on the server: no canvas, no browser (text is measured by estimate). */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
