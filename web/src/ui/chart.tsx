import type { Chart, ChartConfiguration } from "chart.js";
import { useEffect, useRef } from "react";

/** Chart.js, with only the pieces our charts use registered (tree-shaken: no `chart.js/auto`). */
async function loadChartJs(): Promise<typeof Chart> {
  const m = await import("chart.js");
  m.Chart.register(
    m.DoughnutController,
    m.ArcElement,
    m.LineController,
    m.LineElement,
    m.PointElement,
    m.BarController,
    m.BarElement,
    m.LinearScale,
    m.CategoryScale,
    m.Filler,
    m.Tooltip,
    m.Legend,
  );
  return m.Chart;
}

let chartJs: Promise<typeof Chart> | undefined;

const css = (name: string, fallback: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

/** The palette series are drawn in, from the theme (light or dark). */
export const seriesColors = () => [1, 2, 3, 4, 5, 6, 7, 8].map((i) => css(`--chart-${i}`, "#1f6f5c"));

/**
 * A canvas chart with a text alternative: `summary` is read by screen readers (and shown when
 * the chart cannot draw), since a canvas says nothing by itself. Figures reach Chart.js as
 * numbers for drawing only; every amount a person reads is formatted from its decimal string.
 */
export function ChartCanvas({
  config,
  summary,
  height = 240,
  testId,
}: {
  config: ChartConfiguration;
  summary: string;
  height?: number;
  testId?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | undefined>(undefined);
  const serialized = JSON.stringify(config.data);
  useEffect(() => {
    let cancelled = false;
    void (chartJs ??= loadChartJs()).then((ChartJs) => {
      if (cancelled || !canvas.current) return;
      const text = css("--text-muted", "#666");
      ChartJs.defaults.color = text;
      ChartJs.defaults.borderColor = css("--border", "#ddd");
      if (chart.current) {
        chart.current.data = config.data;
        chart.current.update();
      } else {
        chart.current = new ChartJs(canvas.current, {
          ...config,
          options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
        } as ChartConfiguration);
      }
    });
    return () => {
      cancelled = true;
    };
    // The chart is redrawn when its data changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serialized]);
  useEffect(() => () => chart.current?.destroy(), []);
  return (
    <figure className="chart" style={{ height }} data-testid={testId}>
      <canvas ref={canvas} role="img" aria-label={summary}>
        {summary}
      </canvas>
    </figure>
  );
}
