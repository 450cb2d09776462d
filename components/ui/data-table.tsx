import type { ReactNode } from "react";
import { cn } from "./cn";

/** `data-*` attributes (and a hover `title`) for a <tr> or <td>. */
export type CellAttributes = { title?: string } & { [name: `data-${string}`]: string | undefined };

export type Column<Row> = {
  /** The <th scope="col"> content; an icon-only or actions column can pass `<span className="sr-only">…</span>`. */
  header: ReactNode;
  /** A plain function, so the table renders in server components as well as client ones. */
  cell: (row: Row) => ReactNode;
  /** Extra <td> classes, e.g. `whitespace-nowrap`, `max-w-56`, `font-mono text-xs`. */
  className?: string;
  /** Attributes of this column's <td> in a row, e.g. `{ title: row.userAgent }` or `{ "data-testid": "hints" }`. */
  attributes?: (row: Row) => CellAttributes;
  /** For a sortable column: how the rows are sorted by it now (the header's aria-sort). */
  sort?: "ascending" | "descending" | "none";
};

const EMPTY_TEXT = "text-slate-600 dark:text-slate-400";
/** Cell padding; inside `data-density="compact"` (the console's density choice) rows are tighter. */
const CELL = "py-2 pr-3 [[data-density=compact]_&]:py-0.5";

/**
 * The console's one table: a horizontally scrolling wrapper, an `sr-only` caption, `scope="col"` headers
 * and ruled rows. With no rows it renders `empty` instead (a string becomes the usual muted paragraph).
 */
export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  caption,
  testId,
  empty,
  alignTop = false,
  rowClassName,
  rowAttributes,
}: {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  /** Read by screen readers only: what the table lists, and in which order. */
  caption: string;
  /** `data-testid` of the <table>. */
  testId?: string;
  empty: ReactNode;
  /** Top-aligns cells, for rows whose cells run to several lines. */
  alignTop?: boolean;
  /** Extra <tr> classes for a row, e.g. a highlight background. */
  rowClassName?: (row: Row) => string | undefined;
  rowAttributes?: (row: Row) => CellAttributes;
}) {
  if (rows.length === 0) return typeof empty === "string" ? <p className={EMPTY_TEXT}>{empty}</p> : empty;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            {columns.map((column, index) => (
              <th key={index} scope="col" className={CELL} aria-sort={column.sort}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              className={cn(
                "border-b border-slate-200 dark:border-slate-800",
                alignTop && "align-top",
                rowClassName?.(row),
              )}
              {...rowAttributes?.(row)}
            >
              {columns.map((column, index) => (
                <td key={index} className={cn(CELL, column.className)} {...column.attributes?.(row)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
