import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import type { SchoolChangeRow } from "@/lib/school-changes/data";

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Past dated changes of a school (newest first) as an accessible table. */
export async function ChangeList({ caption, changes }: { caption: string; changes: SchoolChangeRow[] }) {
  const t = await getTranslations("lifecycle");
  const tEnums = await getTranslations("enums");
  if (changes.length === 0) return <p className="text-sm text-slate-600">{t("noChanges")}</p>;
  const what = (change: SchoolChangeRow) => {
    if (change.fromStatus && change.toStatus) return `${tEnums(`status.${change.fromStatus}`)} → ${tEnums(`status.${change.toStatus}`)}`;
    if (change.fromTier && change.toTier) return `${tEnums(`tier.${change.fromTier}`)} → ${tEnums(`tier.${change.toTier}`)}`;
    if (change.kind === "MERGE" && change.relatedSchool) return t("mergedIn", { name: change.relatedSchool.nameZh });
    if (change.fromName && change.toName) return `${change.fromName} → ${change.toName}`;
    return tEnums(`changeKind.${change.kind}`);
  };
  const reason = (change: SchoolChangeRow) =>
    change.reasonCode && t.has(`reason.${change.reasonCode}`) ? t(`reason.${change.reasonCode}`) : (change.reasonCode ?? "");
  const extra = (change: SchoolChangeRow) =>
    [
      change.kind === "MERGE" && change.fromStatus && change.relatedSchool ? t("mergedInto", { name: change.relatedSchool.nameZh }) : null,
      change.kind === "CONVERSION" && change.toName ? t("convertedTo", { name: change.toName }) : null,
      change.note,
    ]
      .filter(Boolean)
      .join("；");
  return (
    <DataTable
      caption={caption}
      rows={changes}
      columns={[
        { key: "effectiveDate", header: t("col.effectiveDate"), cell: (change) => day(change.effectiveDate), className: "whitespace-nowrap" },
        { key: "kind", header: t("col.kind"), cell: (change) => tEnums(`changeKind.${change.kind}`) },
        { key: "change", header: t("col.change"), cell: what },
        { key: "reason", header: t("col.reason"), cell: reason },
        { key: "documentNo", header: t("col.documentNo"), cell: (change) => change.documentNo ?? "" },
        { key: "note", header: t("col.note"), cell: extra },
      ]}
    />
  );
}
