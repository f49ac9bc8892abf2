import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type DataColumn } from "../../app/components/data-table";

interface Row {
  reference: string;
  cases: number;
  overdue: boolean;
}

const rows: Row[] = [
  { reference: "HAM-1", cases: 12, overdue: true },
  { reference: "HAM-2", cases: 3, overdue: false },
];
const columns: DataColumn<Row>[] = [
  { id: "reference", header: "Reference", rowHeader: true, cell: (r) => r.reference },
  { id: "cases", header: "Cases", numeric: true, cell: (r) => r.cases },
];

function html(props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) {
  return renderToStaticMarkup(
    <DataTable
      caption="Cases by provider"
      rows={rows}
      rowKey={(r) => r.reference}
      columns={columns}
      {...(props as object)}
    />,
  );
}

describe("DataTable", () => {
  it("names the table by its caption and the scrolling region after it, reachable by keyboard before the browser measures", () => {
    const markup = html();
    const captionId = /<caption id="([^"]+)"/.exec(markup)?.[1];
    expect(captionId).toBeTruthy();
    expect(markup).toContain(`role="region" aria-labelledby="${captionId}" tabindex="0"`);
    expect(markup).toContain(">Cases by provider</caption>");
  });

  it("gives every column header scope=col and a row-header column's cells scope=row", () => {
    const markup = html();
    expect(markup).toContain('<th scope="col">Reference</th>');
    expect(markup).toContain('<th scope="row">HAM-1</th>');
    expect(markup.match(/scope="row"/g)).toHaveLength(2);
  });

  it("right-aligns a numeric column, header and cells alike", () => {
    const markup = html();
    expect(markup).toContain('<th scope="col" class="num">Cases</th>');
    expect(markup).toContain('<td class="num">12</td>');
  });

  it("shows the empty-state message instead of an empty table", () => {
    const markup = html({ rows: [], empty: "No cases yet." });
    expect(markup).toBe("<p>No cases yet.</p>");
  });

  it("can be named by a heading already on the page, with no caption of its own", () => {
    const markup = html({ caption: undefined, labelledBy: "areas-title" });
    expect(markup).toContain('<table class="data-table" aria-labelledby="areas-title">');
    expect(markup).toContain('role="region" aria-labelledby="areas-title"');
    expect(markup).not.toContain("<caption");
  });

  it("hides a caption from sight only, when asked, so a heading above is not repeated", () => {
    expect(html({ captionHidden: true })).toMatch(/<caption id="[^"]+" class="visually-hidden">/);
  });

  it("marks rows by class (overdue) and puts a total under the body", () => {
    const markup = html({
      rowClassName: (r: Row) => (r.overdue ? "row--overdue" : undefined),
      foot: (
        <tr>
          <th scope="row">Total</th>
          <td className="num">15</td>
        </tr>
      ),
    });
    expect(markup.match(/class="row--overdue"/g)).toHaveLength(1);
    expect(markup).toContain('<tfoot><tr><th scope="row">Total</th><td class="num">15</td></tr></tfoot>');
  });

  it("leaves out the scrolling region when asked, so a section already named the same is not repeated", () => {
    const markup = html({ scroll: false });
    expect(markup).toMatch(/^<table class="data-table">/);
    expect(markup).not.toContain('role="region"');
  });
});
