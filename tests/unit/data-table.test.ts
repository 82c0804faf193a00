import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type Column } from "@/components/data-table";

/**
 * The one table component keeps the semantics the accessibility checks rely on: a caption names
 * the table, column headers are <th scope="col">, a row-header column is <th scope="row">, numeric
 * columns are right-aligned; no rows show the empty text instead; a scroll label makes the frame a
 * named, focusable region.
 */
type Row = { name: string; count: number };
const columns: Column<Row>[] = [
  { key: "name", header: "名称", rowHeader: true, cell: (row) => row.name },
  { key: "count", header: "数量", numeric: true, cell: (row) => row.count },
];
const rows: Row[] = [
  { name: "广东省", count: 3 },
  { name: "浙江省", count: 5 },
];
const render = (props: Partial<Parameters<typeof DataTable<Row>>[0]>) =>
  renderToStaticMarkup(createElement(DataTable<Row>, { caption: "各省", columns, rows, rowKey: (row: Row) => row.name, ...props }));

describe("DataTable", () => {
  it("caption, column headers, row headers and numeric cells", () => {
    const html = render({});
    expect(html).toMatch(/<caption[^>]*>各省<\/caption>/);
    expect(html.match(/<th scope="col"/g)).toHaveLength(2);
    expect(html).toMatch(/<th scope="col"[^>]*text-right[^>]*>数量<\/th>/);
    expect(html.match(/<th scope="row"[^>]*>(广东省|浙江省)<\/th>/g)).toHaveLength(2);
    expect(html).toMatch(/<td class="[^"]*text-right tabular-nums[^"]*">5<\/td>/);
    // Named after the table: a wide one scrolls in a focusable region keyboard users can reach.
    expect(html).toMatch(/<div role="region" aria-label="各省" tabindex="0"/);
  });

  it("the caption is for screen readers unless shown; row attributes and a totals row", () => {
    expect(render({ showCaption: true })).toMatch(/<caption class="[^"]*font-semibold[^"]*">各省<\/caption>/);
    const html = render({ rowProps: (row) => ({ "data-testid": `row-${row.name}` }), footer: { name: "合计", count: 8 } });
    expect(html).toMatch(/<caption class="sr-only">各省<\/caption>/);
    expect(html).toContain('data-testid="row-广东省"');
    expect(html).toMatch(/<tfoot><tr[^>]*><th scope="row"[^>]*>合计<\/th><td[^>]*>8<\/td><\/tr><\/tfoot>/);
  });

  it("the empty text instead of an empty table", () => {
    const html = render({ rows: [], empty: "暂无数据" });
    expect(html).not.toContain("<table");
    expect(html).toContain("暂无数据");
  });

  it("the scroll region may have a name of its own", () => {
    const html = render({ scrollLabel: "各省数据" });
    expect(html).toMatch(/<div role="region" aria-label="各省数据" tabindex="0"/);
  });
});
