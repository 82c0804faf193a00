import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, type Column } from "@/components/data-table";
import { localName } from "@/components/local-name";
import { Panel } from "@/components/panel";
import type { loadQuality } from "@/lib/quality/loaders";
import { measureLabel } from "@/lib/quality/labels";
import type { MeasureGroup } from "@/lib/quality/measures";

type Data = Awaited<ReturnType<typeof loadQuality>>;
type Row = Data["rows"][number];
const GROUPS: MeasureGroup[] = ["upkeep", "belowStandard", "completeness", "confirmed"];

/**
 * One table per group of measures: a row per authority (the ministry sees them side by side, with
 * the national total), a column per measure. Every number links to the records behind it
 * (/console/quality/<measure>), within the same authority.
 */
export async function QualityTables({ data }: { data: Data }) {
  const [t, root, locale] = await Promise.all([getTranslations("quality"), getTranslations(), getLocale()]);
  const numbers = new Intl.NumberFormat(locale);
  const national = data.rows.length > 1;
  const drill = (key: string, authorityId: string | null) => `/console/quality/${key}${authorityId ? `?authority=${encodeURIComponent(authorityId)}` : ""}`;
  const sum = (count: (row: Row) => number) => data.rows.reduce((total, row) => total + count(row), 0);
  const percent = (missing: number, total: number) => (total ? Math.floor(((total - missing) / total) * 1000) / 10 : 100);
  const cell = (key: string, value: number, total: number, authorityId: string | null, completeness: boolean) => (
    <Link href={drill(key, authorityId)} className="text-brand-700 underline" data-testid={`q-${key}-${authorityId ?? "all"}`}>
      {completeness ? t("missingOf", { n: numbers.format(value), pct: percent(value, total) }) : numbers.format(value)}
    </Link>
  );
  const tables = GROUPS.map((group) => {
    const list = data.measures.filter((measure) => measure.group === group);
    const columns: Column<Row>[] = [
      {
        key: "authority",
        header: t("authority"),
        rowHeader: true,
        className: "whitespace-nowrap",
        cell: (row) =>
          national ? (
            <Link href={`/console/quality?authority=${row.id}`} className="text-brand-700 underline">
              {localName(row, locale)}
            </Link>
          ) : (
            localName(row, locale)
          ),
      },
      { key: "total", header: t("total"), numeric: true, cell: (row) => numbers.format(row.total) },
      ...list.map((measure): Column<Row> => ({
        key: measure.key,
        header: measureLabel(root, measure),
        numeric: true,
        cell: (row) => cell(measure.key, row.counts[measure.key], row.total, row.id, group === "completeness"),
      })),
    ];
    const total = sum((row) => row.total);
    const footer = national
      ? {
          authority: t("national"),
          total: numbers.format(total),
          ...Object.fromEntries(
            list.map((measure) => [
              measure.key,
              cell(
                measure.key,
                sum((row) => row.counts[measure.key]),
                total,
                null,
                group === "completeness",
              ),
            ]),
          ),
        }
      : undefined;
    return (
      <Panel key={group} title={t(`groups.${group}`)} intro={t(`groupIntro.${group}`)} testId={`quality-${group}`}>
        <DataTable caption={t(`groups.${group}`)} columns={columns} rows={data.rows} footer={footer} variant="inset" />
      </Panel>
    );
  });
  return <>{tables}</>;
}
