/** A plain accessible table: a caption, column headers, and rows of cells. */
export function DataTable({
  caption,
  headers,
  rows,
  numericColumns = [],
}: {
  caption: string;
  headers: string[];
  rows: (string | number | React.ReactNode)[][];
  numericColumns?: number[];
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="px-3 py-2 text-left font-medium text-slate-700">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {headers.map((h, i) => (
              <th key={h} scope="col" className={`px-3 py-2 font-medium ${numericColumns.includes(i) ? "text-right" : "text-left"}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => (
            <tr key={ri} className="border-t border-slate-100">
              {r.map((c, ci) => (
                <td key={ci} className={`px-3 py-1.5 ${numericColumns.includes(ci) ? "text-right tabular-nums" : ""}`}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
