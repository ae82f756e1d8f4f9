import type { FC } from "hono/jsx";

export type Bar = { label: string; value: number; href?: string };

/**
 * A horizontal bar chart drawn as SVG on the server: it needs no script, passes a strict CSP (attributes
 * only, no inline style) and stays readable on a 360 px phone. The numbers are also in the accessible name.
 */
export const BarChart: FC<{ title: string; bars: Bar[]; format?: (n: number) => string; width?: number }> = ({
  title,
  bars,
  format = String,
  width = 640,
}) => {
  const rowH = 22;
  const labelW = Math.min(220, Math.round(width * 0.38));
  const valueW = 56;
  const plotW = width - labelW - valueW;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * rowH + 8;
  const desc = bars.map((b) => `${b.label}: ${format(b.value)}`).join("; ");
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`${title}. ${desc}`}
        xmlns="http://www.w3.org/2000/svg"
        font-family="system-ui, sans-serif"
        font-size="12"
      >
        {bars.map((b, i) => {
          const y = 4 + i * rowH;
          const w = Math.max(1, Math.round((b.value / max) * plotW));
          const label = b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label;
          return (
            <g>
              <text x={labelW - 6} y={y + 15} text-anchor="end" fill="#1b1f24">
                {label}
              </text>
              <rect x={labelW} y={y + 3} width={w} height={rowH - 6} fill="#0b5394" rx="2" />
              <text x={labelW + w + 4} y={y + 15} fill="#1b1f24">
                {format(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
};
