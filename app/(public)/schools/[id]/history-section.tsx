import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { formatShanghai } from "@/lib/kernel/dates";
import type { NameLabel, PublicHistoryEntry } from "@/lib/public/types";
import { Panel } from "@/components/panel";
import { localName } from "@/components/local-name";

/** Enum-valued fields and the catalog group that names their values. */
const ENUM_GROUP: Record<string, Record<string, string>> = {
  School: { tier: "tier", status: "status", ownership: "ownership", sponsorType: "sponsorType" },
  SchoolMajor: { level: "level", startingPoint: "startingPoint", status: "schoolMajorStatus" },
  Designation: { kind: "designationKind", level: "designationLevel", status: "designationStatus" },
};

/** The dated history of every public field change, newest first (Beijing time). */
export async function HistorySection({ entries }: { entries: PublicHistoryEntry[] }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const value = (entry: PublicHistoryEntry, field: string, raw: unknown, label?: NameLabel | null): string => {
    if (label) return localName(label, locale);
    if (raw === null || raw === undefined || raw === "" || (Array.isArray(raw) && raw.length === 0)) return t("schoolPage.empty");
    const group = ENUM_GROUP[entry.entityType][field];
    if (group && typeof raw === "string") return t(`enums.${group}.${raw}`);
    if (field === "majorId" && entry.subject?.kind === "major") return `${entry.subject.code} ${localName(entry.subject, locale)}`;
    if (field === "lastConfirmedAt" && typeof raw === "string") return formatShanghai(new Date(raw), locale);
    if (Array.isArray(raw)) return raw.join("、");
    return String(raw);
  };
  const actor = ({ actor: who }: PublicHistoryEntry) =>
    who.kind === "ministry"
      ? t("schoolPage.actorMinistry")
      : who.kind === "province"
        ? who.authority
          ? t("schoolPage.actorProvince", { authority: localName(who.authority, locale) })
          : t("schoolPage.actorProvinceUnknown")
        : t("schoolPage.actorSystem");
  const subject = (entry: PublicHistoryEntry) => {
    const about = entry.subject;
    if (!about) return null;
    const what =
      about.kind === "major"
        ? `${about.code} ${localName(about, locale)}（${t(`enums.level.${about.level}`)}）`
        : `${t(`enums.designationLevel.${about.level}`)}${t(`enums.designationKind.${about.designationKind}`)}`;
    return (
      <p className="font-medium">
        {t(`schoolPage.entity.${entry.entityType}`)}：{what}
        {entry.action.endsWith(".create") ? `（${t("schoolPage.createdSubject")}）` : null}
      </p>
    );
  };
  return (
    <Panel title={t("schoolPage.history")}>
      <p className="mb-3 text-sm text-slate-700">{t("schoolPage.historyIntro")}</p>
      <DataTable
        variant="inset"
        caption={t("schoolPage.historyCaption")}
        scrollLabel={t("schoolPage.historyCaption")}
        alignTop
        rows={entries}
        empty={t("schoolPage.noHistory")}
        columns={[
          {
            key: "at",
            header: t("schoolPage.historyAt"),
            className: "whitespace-nowrap",
            cell: (entry) => <time dateTime={entry.at}>{formatShanghai(new Date(entry.at), locale)}</time>,
          },
          { key: "by", header: t("schoolPage.historyBy"), cell: actor },
          {
            key: "what",
            header: t("schoolPage.historyWhat"),
            cell: (entry) => (
              <>
                {subject(entry)}
                {entry.action === "school.create" ? <p className="font-medium">{t("schoolPage.created")}</p> : null}
                <ul className="space-y-0.5">
                  {entry.changes.map((change) => (
                    <li key={change.field}>
                      <span className="text-slate-700">{t(`schoolPage.fields.${change.field}`)}：</span>
                      {entry.action.endsWith(".create") ? (
                        value(entry, change.field, change.after, change.afterLabel)
                      ) : (
                        <>
                          <del className="text-slate-700">{value(entry, change.field, change.before, change.beforeLabel)}</del>
                          {" → "}
                          <ins className="no-underline">{value(entry, change.field, change.after, change.afterLabel)}</ins>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            ),
          },
        ]}
      />
    </Panel>
  );
}
