import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";

/** One column: its header, what each row shows in it, and how. */
export interface DataColumn<R> {
  /** Tells columns apart for React when headers are not plain, unique strings. */
  id: string;
  header: ReactNode;
  cell: (row: R, index: number) => ReactNode;
  /** Figures: right-aligned with tabular digits, header included, so digits line up. */
  numeric?: boolean;
  /** The cell names its row (a reference, a name): a `<th scope="row">` screen readers announce with each cell. */
  rowHeader?: boolean;
  /** The cells' language when it is not the page's (a provider's French name on an English page). */
  lang?: string;
}

/** A table is named by its caption (visible, or for screen readers only) or by a heading already on the page. */
type Naming =
  { caption: ReactNode; captionHidden?: boolean; labelledBy?: never } | { labelledBy: string; caption?: never };

export type DataTableProps<R> = Naming & {
  columns: readonly DataColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R, index: number) => string | number;
  rowClassName?: (row: R) => string | undefined;
  /** Shown instead of the table when there are no rows; without it an empty table is shown. */
  empty?: ReactNode;
  /** Rows under the body (a total), as `<tr>` elements. */
  foot?: ReactNode;
  testId?: string;
  /** Extra class on the scrolling region (its place in a layout). */
  regionClassName?: string;
  /**
   * false: no scrolling region, for a narrow table inside a section already named the same (a
   * second landmark of that name would only repeat it to screen-reader users).
   */
  scroll?: boolean;
};

/**
 * The one data table: caption or label, `scope` on every header cell, figures right-aligned, an
 * empty state, and a region that scrolls sideways on a narrow screen. The region is named after the
 * table and, while it overflows, is in the tab order so keyboard users can scroll it (WCAG 2.1.1;
 * axe's scrollable-region-focusable). It starts focusable, as the server cannot measure, and drops
 * out of the tab order once the browser shows that everything fits.
 */
export function DataTable<R>(props: DataTableProps<R>) {
  const { columns, rows, rowKey, rowClassName, empty, foot, testId, regionClassName, scroll = true } = props;
  const captionId = `table${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const region = useRef<HTMLDivElement>(null);
  const overflows = useOverflow(region, rows.length);
  if (rows.length === 0 && empty !== undefined) return <p>{empty}</p>;
  const table = (
    <table className="data-table" data-testid={testId} aria-labelledby={props.labelledBy}>
      {props.caption === undefined ? null : (
        <caption id={captionId} className={props.captionHidden ? "visually-hidden" : undefined}>
          {props.caption}
        </caption>
      )}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.id} scope="col" className={c.numeric ? "num" : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} className={rowClassName?.(row)}>
            {columns.map((c) => {
              const Cell = c.rowHeader ? "th" : "td";
              return (
                <Cell
                  key={c.id}
                  scope={c.rowHeader ? "row" : undefined}
                  className={c.numeric ? "num" : undefined}
                  lang={c.lang}
                >
                  {c.cell(row, index)}
                </Cell>
              );
            })}
          </tr>
        ))}
      </tbody>
      {foot ? <tfoot>{foot}</tfoot> : null}
    </table>
  );
  if (!scroll) return table;
  const labelledBy = props.labelledBy ?? captionId;
  return (
    <div
      ref={region}
      className={regionClassName ? `table-scroll ${regionClassName}` : "table-scroll"}
      role="region"
      aria-labelledby={labelledBy}
      tabIndex={overflows ? 0 : undefined}
    >
      {table}
    </div>
  );
}

/** Whether the element is wider inside than it is shown; true until the browser has measured. */
function useOverflow(ref: RefObject<HTMLElement | null>, rowCount: number): boolean {
  const [overflows, setOverflows] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth);
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [ref, rowCount]);
  return overflows;
}
