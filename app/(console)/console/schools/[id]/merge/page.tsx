import { getTranslations } from "next-intl/server";
import { loadStatusPage } from "@/lib/school-changes/loaders";
import { shanghaiToday } from "@/lib/kernel/dates";
import { ChangeHeader } from "../status/change-header";
import { ChangeList } from "../status/change-list";
import { StatusForm } from "../status/status-form";

type Props = { params: Promise<{ id: string }> };

/** Merge this school into another one of the same authority: the status change to MERGED, on its own page. */
export default async function SchoolMergePage({ params }: Props) {
  const { id } = await params;
  const [data, t, tEnums] = await Promise.all([loadStatusPage(id, "MERGED"), getTranslations("lifecycle"), getTranslations("enums")]);
  const { school } = data;
  const merges = data.changes.filter((change) => change.kind === "MERGE");
  return (
    <div className="space-y-6">
      <ChangeHeader school={school} active="merge" title={t("merge.title")} />
      <p className="text-sm text-slate-700">{t("merge.intro")}</p>
      {data.options.length === 0 ? (
        <p role="note" className="rounded border border-slate-300 bg-slate-50 p-3">
          {data.terminal
            ? t("terminalNotice", { status: tEnums(`status.${school.status}`) })
            : t("merge.notAllowed", { status: tEnums(`status.${school.status}`) })}
        </p>
      ) : (
        <StatusForm
          school={{ id: school.id, version: school.version, status: school.status }}
          options={data.options}
          candidates={data.candidates.map((candidate) => ({ value: candidate.id, label: candidate.nameZh, hint: candidate.publicCode }))}
          today={shanghaiToday()}
        />
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("merge.history")}</h2>
        <ChangeList caption={t("merge.history")} changes={merges} />
      </section>
    </div>
  );
}
