import type { HTMLAttributes, ReactNode } from "react";
import { ScrollRegion } from "./scroll-region";

/**
 * THE table: every table of the site is one of these. Columns name their header and how a row
 * fills their cell; a caption (shown, or for screen readers only) names the table; column
 * headers are <th scope="col">, a row-header column gives <th scope="row">; numeric columns are
 * right-aligned with tabular figures. Wide tables scroll sideways in their frame, a focusable region
 * named after the table (axe: scrollable-region-focusable). No "use client":
 * server pages and client components share it.
 */
export type Column<Row> = {
  /** Unique within the table. */
  key: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** This column's cell names its row (<th scope="row">). */
  rowHeader?: boolean;
  /** Classes of the column's header and cells ("whitespace-nowrap", "hidden sm:table-cell"…). */
  className?: string;
  /** aria-sort of a sortable column's header. */
  sort?: "ascending" | "descending" | "none";
};

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { "data-testid"?: string; "data-field"?: string };

type Props<Row> = {
  /** Names the table; for screen readers only unless `showCaption` (most tables sit under a heading that says it). */
  caption: ReactNode;
  showCaption?: boolean;
  columns: Column<Row>[];
  rows: readonly Row[];
  /** React's key of a row: its `id` unless said otherwise. */
  rowKey?: (row: Row, index: number) => string | number;
  /** Per-row attributes: a class, a test id, data-*. */
  rowProps?: (row: Row, index: number) => RowAttributes;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** A closing row (totals), by column key. */
  footer?: Partial<Record<string, ReactNode>>;
  /** The name of the focusable region it scrolls in (default: the caption). */
  scrollLabel?: string;
  /** "card": a table on its own, in a white frame; "inset": inside a card that has one, denser. */
  variant?: "card" | "inset";
  /** Column headers for screen readers only (the rows say what they are). */
  headHidden?: boolean;
  alignTop?: boolean;
  testId?: string;
};

const idOf = (row: unknown, index: number) => ((row as { id?: string | number }).id ?? index) as string | number;

export function DataTable<Row>({
  caption,
  showCaption,
  columns,
  rows,
  rowKey = idOf,
  rowProps,
  empty,
  footer,
  scrollLabel,
  variant = "card",
  headHidden,
  alignTop,
  testId,
}: Props<Row>) {
  const framed = variant === "card";
  const dense = variant === "inset";
  const frame = framed ? "rounded-lg border border-slate-200 bg-white" : "";
  if (!rows.length && empty !== undefined) return <p className={framed ? `${frame} p-4 text-slate-600` : "text-sm text-slate-600"}>{empty}</p>;
  const pad = dense ? "px-2 py-1" : "px-3 py-1.5";
  const align = (column: Column<Row>) => `${column.numeric ? "text-right tabular-nums" : "text-left"} ${column.className ?? ""}`;
  // A row header is a <th>: plain weight in the body, bold in the totals row like its neighbours.
  const cell = (column: Column<Row>, content: ReactNode, weight?: "font-semibold") =>
    column.rowHeader ? (
      <th key={column.key} scope="row" className={`${pad} ${weight ?? "font-normal"} ${align(column)}`}>
        {content}
      </th>
    ) : (
      <td key={column.key} className={`${pad} ${weight ?? ""} ${align(column)}`}>
        {content}
      </td>
    );
  const table = (
    <table className="min-w-full text-sm" data-testid={testId}>
      <caption className={showCaption ? `${framed ? "px-3" : ""} py-2 text-left font-semibold` : "sr-only"}>{caption}</caption>
      <thead className={headHidden ? "sr-only" : "bg-slate-100"}>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" aria-sort={column.sort} className={`${dense ? "px-2 py-1" : "px-3 py-2"} font-medium ${align(column)}`}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const { className = "", ...attributes } = rowProps?.(row, index) ?? {};
          return (
            <tr key={rowKey(row, index)} className={`border-t border-slate-100 ${alignTop ? "align-top" : ""} ${className}`} {...attributes}>
              {columns.map((column) => cell(column, column.cell(row, index)))}
            </tr>
          );
        })}
      </tbody>
      {footer ? (
        <tfoot>
          <tr className="border-t-2 border-slate-300 font-semibold">{columns.map((column) => cell(column, footer[column.key], "font-semibold"))}</tr>
        </tfoot>
      ) : null}
    </table>
  );
  // A table wider than the screen scrolls sideways; keyboard users must reach that too, so the
  // frame is a named, focusable region (axe: scrollable-region-focusable) — named after the table.
  const regionLabel = scrollLabel ?? (typeof caption === "string" ? caption : undefined);
  return regionLabel ? (
    <ScrollRegion label={regionLabel} className={frame}>
      {table}
    </ScrollRegion>
  ) : (
    <div className={`overflow-x-auto ${frame}`}>{table}</div>
  );
}
