import { logError } from "./log.server";
/**
 * CSV exports, streamed: rows are pulled from the caller's iterator only as the response body is
 * read, a batch per chunk, so an export of any size holds one batch in memory at a time.
 */

export type CsvCell = string | number | null;
export type CsvRow = readonly CsvCell[];

const ROWS_PER_CHUNK = 200;
const BOM = "\uFEFF";

// OWASP "CSV injection": a spreadsheet runs a cell starting with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return ""; // undefined: a row shorter than its header
  // A number is written as itself: -3 stays a number, not a guarded string.
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell === 0 ? 0 : cell) : "";
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One RFC 4180 record, CRLF included. */
export function csvLine(cells: CsvRow): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}

/** Letters, digits, dot, dash and underscore only, so the header needs no escaping. */
function safeFilename(filename: string): string {
  const name = filename
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "")
    .slice(0, 150);
  if (!name) return "export.csv";
  return /\.csv$/i.test(name) ? name : `${name}.csv`;
}

function asyncIteratorOf(rows: AsyncIterable<CsvRow> | Iterable<CsvRow>): AsyncIterator<CsvRow> {
  if (Symbol.asyncIterator in rows) return rows[Symbol.asyncIterator]();
  const it = rows[Symbol.iterator]();
  return {
    next: async () => it.next(),
    return: async () => it.return?.() ?? { done: true, value: undefined },
  };
}

export interface CsvResponseOptions {
  /** A UTF-8 byte-order mark, so Excel reads accents correctly. Default true. */
  bom?: boolean;
  /**
   * The request's signal. Remix's Node adapter does not cancel a response body when the client
   * goes away, but it does abort the request: passing request.signal stops the export then.
   */
  signal?: AbortSignal;
}

/**
 * A text/csv attachment whose body pulls rows lazily. The iterator's return() runs (so a
 * generator's finally block closes its cursor) when the body is cancelled or the signal aborts.
 */
export function csvResponse(
  filename: string,
  rows: AsyncIterable<CsvRow> | Iterable<CsvRow>,
  options: CsvResponseOptions = {},
): Response {
  const { bom = true, signal } = options;
  const iterator = asyncIteratorOf(rows);
  const encoder = new TextEncoder();
  let finished = false; // the iterator is exhausted or released
  let cancelled = false; // the body's reader went away: the controller may no longer be used
  let bomPending = bom;

  const release = async () => {
    if (finished) return;
    finished = true;
    await iterator.return?.();
  };
  const onAbort = () =>
    void release().catch((error: unknown) => logError("CSV export: closing the rows failed", error));
  signal?.addEventListener("abort", onAbort, { once: true });

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const close = () => {
        if (!cancelled) controller.close();
      };
      let text = bomPending ? BOM : "";
      bomPending = false;
      try {
        for (let n = 0; n < ROWS_PER_CHUNK; n++) {
          if (finished || signal?.aborted) {
            await release();
            close();
            return;
          }
          const next = await iterator.next();
          if (next.done) {
            finished = true;
            signal?.removeEventListener("abort", onAbort);
            if (text && !cancelled) controller.enqueue(encoder.encode(text));
            close();
            return;
          }
          text += csvLine(next.value);
        }
      } catch (error) {
        // The iterator may have thrown (it is then done) or a row may be malformed (it is not).
        await release().catch(() => undefined);
        throw error;
      }
      if (!cancelled) controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      cancelled = true;
      signal?.removeEventListener("abort", onAbort);
      await release();
    },
  });

  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safeFilename(filename)}"`,
      "Cache-Control": "no-store",
    },
  });
}
