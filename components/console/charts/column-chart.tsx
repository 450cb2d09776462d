// Server-rendered charts: plain SVG and CSS, no chart library and no JavaScript in the browser. Each
// chart has a text equivalent (an accessible description and a data table), so nothing is lost
// for screen readers or in print.
import type { ReactNode } from "react";

export type Column = { key: string; label: string; value: number; title: string };

/** Vertical bars over time. Labels are thinned out so they never overlap. */
export function ColumnChart({
  columns,
  caption,
  valueLabel,
}: {
  columns: Column[];
  caption: string;
  valueLabel: string;
}) {
  const max = Math.max(1, ...columns.map((column) => column.value));
  const width = 720;
  const height = 200;
  const top = 10;
  const bottom = 28;
  const left = 32;
  const plotHeight = height - top - bottom;
  const step = (width - left) / Math.max(1, columns.length);
  const barWidth = Math.max(2, step * 0.7);
  const labelEvery = Math.ceil(columns.length / 12);
  const total = columns.reduce((sum, column) => sum + column.value, 0);
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-label={`${caption}: ${total} in total, at most ${max} in one period.`}
        data-testid="column-chart"
      >
        <line x1={left} x2={width} y1={top + plotHeight} y2={top + plotHeight} className="stroke-slate-300" />
        <text x={left - 6} y={top + 8} textAnchor="end" className="fill-slate-500 text-[10px]">
          {max}
        </text>
        <text x={left - 6} y={top + plotHeight} textAnchor="end" className="fill-slate-500 text-[10px]">
          0
        </text>
        {columns.map((column, index) => {
          const barHeight = (column.value / max) * plotHeight;
          const x = left + index * step + (step - barWidth) / 2;
          return (
            <g key={column.key}>
              <rect
                x={x}
                y={top + plotHeight - barHeight}
                width={barWidth}
                height={barHeight}
                className="fill-blue-600"
              >
                <title>{column.title}</title>
              </rect>
              {index % labelEvery === 0 ? (
                <text
                  x={x + barWidth / 2}
                  y={height - 10}
                  textAnchor="middle"
                  className="fill-slate-600 text-[10px]"
                >
                  {column.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="text-sm text-slate-600 dark:text-slate-400">{caption}</figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-blue-700 underline dark:text-blue-300">
          Show as a table
        </summary>
        <table className="mt-2 text-left">
          <thead>
            <tr>
              <th scope="col" className="pr-6">
                Period
              </th>
              <th scope="col">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => (
              <tr key={column.key}>
                <td className="pr-6">{column.title.split(":")[0]}</td>
                <td>{column.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export type BarItem = { key: string; label: ReactNode; value: number; display?: string; detail?: ReactNode };

/** Horizontal bars for a ranking ("top numbers"): a list, readable as text, with proportional bars. */
export function BarList({ items, empty, testId }: { items: BarItem[]; empty: string; testId?: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>;
  const max = Math.max(1, ...items.map((item) => item.value));
  return (
    <ol className="space-y-2" data-testid={testId}>
      {items.map((item) => (
        <li key={item.key} className="text-sm">
          <div className="flex items-baseline justify-between gap-3">
            <span className="min-w-0 break-words">{item.label}</span>
            <span className="font-semibold tabular-nums">{item.display ?? item.value}</span>
          </div>
          <div className="mt-1 h-2 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
            <div
              className="h-2 rounded bg-blue-600"
              style={{ width: `${Math.max(2, (item.value / max) * 100)}%` }}
            />
          </div>
          {item.detail ? (
            <div className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{item.detail}</div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
