// Runs the staff case-list CSV export (app/services/case-export.server.ts, every SSM) into a file, in
// its own process so the parent can sample this process's peak memory alone. Usage:
//   node --import tsx bench/lib/export-child.ts <database> <max rows> <out.csv>
// Prints one JSON line: rows written, bytes, milliseconds. Rows are encoded with the app's own CSV
// encoder (app/utils/csv.server.ts) and written with backpressure, as the route's stream would be.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { openDatabase } from "../../db/client";
import { csvLine } from "../../app/utils/csv.server";

const [path, maxRowsArg, outPath] = process.argv.slice(2);
if (!path || !maxRowsArg || !outPath) throw new Error("usage: export-child.ts <database> <max rows> <out.csv>");
const maxRows = Number(maxRowsArg);
// Imported by path at run time: the export is another engineer's work, and the bench waits for it.
const { caseExportRows } = (await import("../../app/services/case-export.server")) as {
  caseExportRows: (input: {
    db: ReturnType<typeof openDatabase>;
    areaSlug: string | null;
    language: "en" | "fr";
  }) => AsyncIterable<string[]>;
};

const db = openDatabase(`file:${path}`);
const out = createWriteStream(outPath);
const started = process.hrtime.bigint();
let rows = -1; // the header is not a case
let bytes = 0;
for await (const cells of caseExportRows({ db, areaSlug: null, language: "en" })) {
  const line = csvLine(cells);
  bytes += Buffer.byteLength(line);
  if (!out.write(line)) await once(out, "drain");
  if (++rows >= maxRows) break;
}
out.end();
await once(out, "finish");
const ms = Number(process.hrtime.bigint() - started) / 1e6;
await db.destroy();
console.log(JSON.stringify({ rows, bytes, ms }));
