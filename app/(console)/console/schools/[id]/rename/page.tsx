import { getTranslations } from "next-intl/server";
import { loadLineage, loadRenamePage } from "@/lib/school-changes/loaders";
import { shanghaiToday } from "@/lib/kernel/dates";
import { ChangeHeader } from "../status/change-header";
import { ChangeList } from "../status/change-list";
import { RenameForm } from "./rename-form";

type Props = { params: Promise<{ id: string }> };

export default async function SchoolRenamePage({ params }: Props) {
  const { id } = await params;
  const [data, t, tEnums] = await Promise.all([loadRenamePage(id), getTranslations("lifecycle"), getTranslations("enums")]);
  const { school } = data;
  // After the gate above: the lineage of a school the user may see.
  const lineage = await loadLineage(school.id);
  return (
    <div className="space-y-6">
      <ChangeHeader school={school} active="rename" title={t("rename.title")} />
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">{t("rename.formerNames")}</dt>
        <dd data-testid="former-names">{school.formerNames.length ? school.formerNames.join("、") : t("none")}</dd>
        {lineage?.predecessors.length ? (
          <>
            <dt className="text-slate-600">{t("lineage.predecessors")}</dt>
            <dd>{lineage.predecessors.map((predecessor) => predecessor.nameZh).join("、")}</dd>
          </>
        ) : null}
        {lineage?.successor ? (
          <>
            <dt className="text-slate-600">{t("lineage.successor")}</dt>
            <dd>{lineage.successor.nameZh}</dd>
          </>
        ) : null}
      </dl>
      {data.terminal ? (
        <p role="note" className="rounded border border-slate-300 bg-slate-50 p-3">
          {t("terminalNotice", { status: tEnums(`status.${school.status}`) })}
        </p>
      ) : (
        <RenameForm school={{ id: school.id, version: school.version }} today={shanghaiToday()} />
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("rename.history")}</h2>
        <ChangeList caption={t("rename.history")} changes={data.changes} />
      </section>
    </div>
  );
}
