import { getTranslations } from "next-intl/server";
import { loadStatusPage } from "@/lib/school-changes/loaders";
import { shanghaiToday } from "@/lib/kernel/dates";
import { ChangeHeader } from "./change-header";
import { ChangeList } from "./change-list";
import { StatusForm } from "./status-form";

type Props = { params: Promise<{ id: string }> };

export default async function SchoolStatusPage({ params }: Props) {
  const { id } = await params;
  const [data, t, tEnums] = await Promise.all([loadStatusPage(id), getTranslations("lifecycle"), getTranslations("enums")]);
  const { school } = data;
  return (
    <div className="space-y-6">
      <ChangeHeader school={school} active="status" title={t("status.title")} />
      {data.terminal ? (
        <p role="note" className="rounded border border-slate-300 bg-slate-50 p-3">
          {t("terminalNotice", { status: tEnums(`status.${school.status}`) })}
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
        <h2 className="text-lg font-semibold">{t("status.history")}</h2>
        <ChangeList caption={t("status.history")} changes={data.changes} />
      </section>
    </div>
  );
}
