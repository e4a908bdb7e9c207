import { useId } from 'react';
import { niceCeiling } from './report-types.ts';

const WIDTH = 480;
const HEIGHT = 260;
const PAD = { top: 24, right: 16, bottom: 36, left: 48 };

/** Hires per quarter as a plain SVG bar chart, with a title, a description and every number as text. */
export function HiresChart({ year, totals }: { year: number; totals: readonly number[] }) {
  const id = useId();
  const top = niceCeiling(Math.max(...totals));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / totals.length;
  const barWidth = slot * 0.6;
  const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight;
  const description = totals.map((total, index) => `Q${index + 1}: ${total}`).join(', ');
  return (
    <figure className="hires-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>Hires per quarter in {year}</title>
        <desc id={`${id}-desc`}>
          Number of people hired in each quarter of {year}: {description}.
        </desc>
        {[0, 0.5, 1].map((share) => (
          <g key={share}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(top * share)}
              y2={y(top * share)}
              className="chart-grid"
            />
            <text x={PAD.left - 6} y={y(top * share) + 4} textAnchor="end" className="chart-axis">
              {Math.round(top * share)}
            </text>
          </g>
        ))}
        {totals.map((total, index) => {
          const x = PAD.left + slot * index + (slot - barWidth) / 2;
          return (
            <g key={index}>
              <rect
                x={x}
                y={y(total)}
                width={barWidth}
                height={Math.max(0, PAD.top + plotHeight - y(total))}
                className="chart-bar"
              />
              <text
                x={x + barWidth / 2}
                y={y(total) - 6}
                textAnchor="middle"
                className="chart-value"
              >
                {total}
              </text>
              <text
                x={x + barWidth / 2}
                y={HEIGHT - PAD.bottom + 20}
                textAnchor="middle"
                className="chart-axis"
              >
                Q{index + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>Hires per quarter, {year}</figcaption>
    </figure>
  );
}
