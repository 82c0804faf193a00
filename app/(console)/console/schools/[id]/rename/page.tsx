import { getTranslations } from "next-intl/server";
import { shanghaiToday } from "@/lib/kernel/dates";
import { loadLineage, loadRenamePage } from "@/lib/school-changes/loaders";
import { ChangePage } from "../status/change-page";
import { RenameForm } from "./rename-form";

type Props = { params: Promise<{ id: string }> };

export default async function SchoolRenamePage({ params }: Props) {
  const { id } = await params;
  const [data, t, tEnums] = await Promise.all([loadRenamePage(id), getTranslations("lifecycle"), getTranslations("enums")]);
  const { school } = data;
  // After the gate above: the lineage of a school the user may see.
  const lineage = await loadLineage(school.id);
  const names = (schools: { nameZh: string }[]) => schools.map((other) => other.nameZh).join("、");
  return (
    <ChangePage
      school={school}
      active="rename"
      title={t("rename.title")}
      facts={[
        { term: t("rename.formerNames"), detail: school.formerNames.length ? school.formerNames.join("、") : t("none"), testId: "former-names" },
        ...(lineage?.predecessors.length ? [{ term: t("lineage.predecessors"), detail: names(lineage.predecessors) }] : []),
        ...(lineage?.successor ? [{ term: t("lineage.successor"), detail: lineage.successor.nameZh }] : []),
      ]}
      refusal={data.terminal ? t("terminalNotice", { status: tEnums(`status.${school.status}`) }) : null}
      form={<RenameForm school={{ id: school.id, version: school.version }} today={shanghaiToday()} />}
      historyTitle={t("rename.history")}
      changes={data.changes}
    />
  );
}
