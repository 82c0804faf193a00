/**
 * A server-rendered horizontal bar chart (stacked segments per row, optional target line), drawn
 * as SVG with role="img" and a text summary, followed by the same numbers as a data table — so
 * the figures are readable without the picture. Knows nothing of the domain.
 */
import { DataTable } from "./data-table";

export type BarSeries = { name: string; fillClass: string; swatchClass: string };
export type BarRow = { label: string; values: number[] };

const WIDTH = 640;
const LABEL_W = 150;
const VALUE_W = 70;
const ROW_H = 24;
const BAR_H = 14;

export function BarChart({
  title,
  summary,
  series,
  rows,
  target,
  tableCaption,
  labelHeader,
  totalHeader,
  showTable = true,
  format = (value) => String(value),
}: {
  title: string;
  /** One sentence read out for the image: what the chart shows and its headline numbers. */
  summary: string;
  series: BarSeries[];
  rows: BarRow[];
  target?: { value: number; label: string };
  tableCaption: string;
  labelHeader: string;
  totalHeader?: string;
  showTable?: boolean;
  format?: (value: number) => string;
}) {
  const totals = rows.map((row) => row.values.reduce((sum, value) => sum + value, 0));
  const max = Math.max(1, target?.value ?? 0, ...totals);
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const widthOf = (value: number) => (value / max) * plotW;
  const top = target ? 18 : 4;
  const height = top + rows.length * ROW_H + 4;
  return (
    <figure className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="font-semibold">{title}</figcaption>
      <ul className="flex flex-wrap gap-4 text-sm" aria-hidden="true">
        {series.map((entry) => (
          <li key={entry.name} className="flex items-center gap-1">
            <span className={`inline-block h-3 w-3 rounded-sm ${entry.swatchClass}`} />
            {entry.name}
          </li>
        ))}
        {target ? (
          <li className="flex items-center gap-1">
            <span className="inline-block h-3 w-0 border-l-2 border-dashed border-red-600" />
            {target.label}
          </li>
        ) : null}
      </ul>
      <svg role="img" aria-label={`${title}. ${summary}`} viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full" preserveAspectRatio="xMinYMin meet">
        {rows.map((row, index) => {
          const rowTop = top + index * ROW_H;
          let offset = 0;
          return (
            <g key={`${row.label}-${index}`}>
              <text x={LABEL_W - 6} y={rowTop + ROW_H / 2 + 4} textAnchor="end" fontSize="12" className="fill-slate-700">
                {row.label.length > 12 ? `${row.label.slice(0, 11)}…` : row.label}
              </text>
              <rect x={LABEL_W} y={rowTop + (ROW_H - BAR_H) / 2} width={plotW} height={BAR_H} className="fill-slate-100" />
              {row.values.map((value, seriesIndex) => {
                const width = widthOf(value);
                const rect = (
                  <rect
                    key={seriesIndex}
                    x={LABEL_W + offset}
                    y={rowTop + (ROW_H - BAR_H) / 2}
                    width={Math.max(0, width)}
                    height={BAR_H}
                    className={series[seriesIndex]?.fillClass}
                  />
                );
                offset += width;
                return rect;
              })}
              <text x={WIDTH - VALUE_W + 6} y={rowTop + ROW_H / 2 + 4} fontSize="12" className="fill-slate-900 tabular-nums">
                {format(totals[index])}
              </text>
            </g>
          );
        })}
        {target ? (
          <g>
            <line
              x1={LABEL_W + widthOf(target.value)}
              x2={LABEL_W + widthOf(target.value)}
              y1={top - 4}
              y2={height}
              strokeDasharray="4 3"
              strokeWidth="2"
              className="stroke-red-600"
            />
            <text x={Math.min(LABEL_W + widthOf(target.value), WIDTH - VALUE_W)} y={11} textAnchor="end" fontSize="11" className="fill-red-700">
              {target.label}
            </text>
          </g>
        ) : null}
      </svg>
      {showTable ? (
        <DataTable
          variant="inset"
          caption={tableCaption}
          rows={rows.map((row, index) => ({ ...row, total: totals[index] }))}
          rowKey={(row, index) => `${row.label}-${index}`}
          columns={[
            { key: "label", header: labelHeader, rowHeader: true, cell: (row) => row.label },
            ...series.map((serie, position) => ({
              key: `series-${position}`,
              header: serie.name,
              numeric: true,
              cell: (row: BarRow) => format(row.values[position]),
            })),
            ...(totalHeader ? [{ key: "total", header: totalHeader, numeric: true, cell: (row: BarRow & { total: number }) => format(row.total) }] : []),
          ]}
        />
      ) : null}
    </figure>
  );
}
