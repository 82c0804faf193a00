import { getTranslations } from "next-intl/server";
import { shanghaiToday } from "@/lib/kernel/dates";
import type { loadStatusPage } from "@/lib/school-changes/loaders";
import { ChangePage } from "./change-page";
import { StatusForm } from "./status-form";

/**
 * A status change, or a merge — the status change to MERGED on a page of its own, listing the
 * merges only. The page loads (and so gates) the data; this draws it.
 */
export async function StatusChange({ data, merge }: { data: Awaited<ReturnType<typeof loadStatusPage>>; merge?: boolean }) {
  const [t, tEnums] = await Promise.all([getTranslations("lifecycle"), getTranslations("enums")]);
  const { school } = data;
  const status = tEnums(`status.${school.status}`);
  const refusal = data.terminal ? t("terminalNotice", { status }) : merge && data.options.length === 0 ? t("merge.notAllowed", { status }) : null;
  return (
    <ChangePage
      school={school}
      active={merge ? "merge" : "status"}
      title={t(merge ? "merge.title" : "status.title")}
      intro={merge ? t("merge.intro") : undefined}
      refusal={refusal}
      form={
        <StatusForm
          school={{ id: school.id, version: school.version, status: school.status }}
          options={data.options}
          candidates={data.candidates.map((candidate) => ({ value: candidate.id, label: candidate.nameZh, hint: candidate.publicCode }))}
          today={shanghaiToday()}
        />
      }
      historyTitle={t(merge ? "merge.history" : "status.history")}
      changes={merge ? data.changes.filter((change) => change.kind === "MERGE") : data.changes}
    />
  );
}
