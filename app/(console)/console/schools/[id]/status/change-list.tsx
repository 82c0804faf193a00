import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import type { SchoolChangeRow } from "@/lib/school-changes/data";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Past dated changes of a school (newest first) as an accessible table. */
export async function ChangeList({ caption, changes }: { caption: string; changes: SchoolChangeRow[] }) {
  const t = await getTranslations("lifecycle");
  const te = await getTranslations("enums");
  if (changes.length === 0) return <p className="text-sm text-slate-600">{t("noChanges")}</p>;
  const what = (c: SchoolChangeRow) => {
    if (c.fromStatus && c.toStatus) return `${te(`status.${c.fromStatus}`)} → ${te(`status.${c.toStatus}`)}`;
    if (c.fromTier && c.toTier) return `${te(`tier.${c.fromTier}`)} → ${te(`tier.${c.toTier}`)}`;
    if (c.kind === "MERGE" && c.relatedSchool) return t("mergedIn", { name: c.relatedSchool.nameZh });
    if (c.fromName && c.toName) return `${c.fromName} → ${c.toName}`;
    return te(`changeKind.${c.kind}`);
  };
  const reason = (c: SchoolChangeRow) => (c.reasonCode && t.has(`reason.${c.reasonCode}`) ? t(`reason.${c.reasonCode}`) : (c.reasonCode ?? ""));
  const extra = (c: SchoolChangeRow) =>
    [
      c.kind === "MERGE" && c.fromStatus && c.relatedSchool ? t("mergedInto", { name: c.relatedSchool.nameZh }) : null,
      c.kind === "CONVERSION" && c.toName ? t("convertedTo", { name: c.toName }) : null,
      c.note,
    ]
      .filter(Boolean)
      .join("；");
  return (
    <DataTable
      showCaption
      caption={caption}
      rows={changes}
      columns={[
        { key: "effectiveDate", header: t("col.effectiveDate"), cell: (change) => day(change.effectiveDate), className: "whitespace-nowrap" },
        { key: "kind", header: t("col.kind"), cell: (change) => te(`changeKind.${change.kind}`) },
        { key: "change", header: t("col.change"), cell: what },
        { key: "reason", header: t("col.reason"), cell: reason },
        { key: "documentNo", header: t("col.documentNo"), cell: (change) => change.documentNo ?? "" },
        { key: "note", header: t("col.note"), cell: extra },
      ]}
    />
  );
}
