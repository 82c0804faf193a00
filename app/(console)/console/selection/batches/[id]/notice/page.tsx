import Link from "@/components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { announceAction, designationStepAction, publishNoticeAction, resolveObjectionAction } from "@/lib/selection/notice/actions";
import { loadNoticeAdmin } from "@/lib/selection/notice/loaders";
import { ActionForm } from "../../../_components/action-form";
import { StatusBadge } from "../../../_components/status-badge";
import { BatchHeader } from "../batch-header";
import { Panel } from "@/components/panel";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** 公示 and 公布: publish the notice, resolve objections, announce, then acceptance and revocation. */
export default async function BatchNoticePage({ params }: Props) {
  const { id } = await params;
  const [data, t, tEnums, format] = await Promise.all([loadNoticeAdmin(id), getTranslations("selection"), getTranslations("enums"), getFormatter()]);
  const { batch } = data;
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" }) : "—");
  return (
    <div className="space-y-6">
      <BatchHeader batch={batch} current="notice" />

      {batch.status === "DECIDING" && data.canAct ? (
        <Panel title={t("notice.publishTitle")} intro={t("notice.publishHint", { days: batch.noticeDays })}>
          <ActionForm
            action={publishNoticeAction}
            hidden={{ batchId: batch.id }}
            fields={[
              {
                name: "noticeEndsAt",
                label: t("notice.endsAt"),
                type: "datetime-local",
                step: "1",
                defaultValue: data.defaultNoticeEnd,
                required: true,
                hint: t("notice.timeZoneHint"),
              },
            ]}
            submitLabel={t("steps.batch.publishNotice")}
            confirm={{ title: t("notice.publishTitle"), body: t("notice.publishConfirm") }}
            testId="publish-notice"
          />
        </Panel>
      ) : null}

      {batch.noticeStartsAt ? (
        <Panel title={t("notice.period")} className="text-sm">
          <p>
            {when(batch.noticeStartsAt)} – {when(batch.noticeEndsAt)} {data.noticeOver ? t("notice.over") : t("notice.running")}
          </p>
          <p>
            <Link href={`/notices/${batch.id}`} className="text-brand-700 underline">
              {t("notice.publicPage")}
            </Link>
          </p>
        </Panel>
      ) : null}

      <section aria-labelledby="obj-h" className="space-y-3">
        <h2 id="obj-h" className="text-lg font-semibold">
          {t("notice.objections")} <span className="text-sm font-normal">{t("notice.openCount", { n: data.openObjections })}</span>
        </h2>
        {data.objections.length === 0 ? <p className="text-sm">{t("notice.noObjections")}</p> : null}
        <ul className="space-y-3">
          {data.objections.map((objection) => (
            <li key={objection.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid={`objection-${objection.id}`}>
              <div className="flex flex-wrap items-center gap-3">
                <StatusBadge entity="objection" status={objection.status} />
                <span className="font-medium">
                  {objection.application.school.nameZh}
                  {objection.application.schoolMajor ? ` · ${objection.application.schoolMajor.major.nameZh}` : ""}
                </span>
                <span className="text-slate-600">{when(objection.createdAt)}</span>
              </div>
              <p>{t("notice.by", { name: objection.name, contact: objection.contact })}</p>
              <p className="whitespace-pre-wrap rounded bg-slate-50 p-2">{objection.text}</p>
              {objection.resolution ? <p className="text-slate-700">{t("notice.resolution", { text: objection.resolution })}</p> : null}
              {objection.status === "OPEN" && data.canAct && batch.status === "NOTICE" ? (
                <ActionForm
                  action={resolveObjectionAction}
                  hidden={{ objectionId: objection.id }}
                  fields={[
                    {
                      name: "outcome",
                      label: t("notice.outcome"),
                      type: "radio",
                      options: [
                        { value: "UPHELD", label: t("steps.objection.uphold") },
                        { value: "DISMISSED", label: t("steps.objection.dismiss") },
                      ],
                      required: true,
                    },
                    {
                      name: "resolution",
                      label: t("notice.resolutionLabel"),
                      type: "textarea",
                      required: true,
                      maxLength: 1000,
                      hint: t("notice.resolutionHint"),
                    },
                  ]}
                  submitLabel={t("notice.resolve")}
                  confirm={{ title: t("notice.resolve"), body: t("notice.resolveConfirm") }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {batch.status === "NOTICE" && data.canAct ? (
        <Panel title={t("notice.announceTitle")} intro={t("notice.announceHint")}>
          <ActionForm
            action={announceAction}
            hidden={{ batchId: batch.id }}
            fields={[
              { name: "documentNo", label: t("notice.documentNo"), type: "text", required: true, maxLength: 80 },
              { name: "startDate", label: t("notice.startDate"), type: "date", required: true },
              { name: "endDate", label: t("notice.endDate"), type: "date", required: true, hint: t("notice.endDateHint") },
            ]}
            submitLabel={t("steps.batch.announce")}
            confirm={{ title: t("notice.announceTitle"), body: t("notice.announceConfirm") }}
            testId="announce"
          />
        </Panel>
      ) : null}

      {batch.status === "ANNOUNCED" ? (
        <Panel title={t("notice.designations", { doc: batch.documentNo ?? "" })} plain>
          <ul className="space-y-3">
            {data.designations.map((designation) => (
              <li key={designation.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
                <div className="flex flex-wrap items-center gap-3">
                  <span className="font-medium">
                    {designation.school.nameZh}
                    {designation.schoolMajor ? ` · ${designation.schoolMajor.major.nameZh}` : ""}
                  </span>
                  <span>{tEnums(`designationStatus.${designation.designation.status}`)}</span>
                  <span className="text-slate-600">
                    {format.dateTime(designation.designation.startDate, { dateStyle: "medium", timeZone: "UTC" })} –{" "}
                    {designation.designation.endDate ? format.dateTime(designation.designation.endDate, { dateStyle: "medium", timeZone: "UTC" }) : "—"}
                  </span>
                </div>
                {data.canAct && designation.steps.length ? (
                  <details>
                    <summary className="cursor-pointer text-brand-700 underline">{t("notice.followUp")}</summary>
                    <ActionForm
                      action={designationStepAction}
                      hidden={{ designationId: designation.designation.id }}
                      fields={[
                        {
                          name: "step",
                          label: t("notice.followUpStep"),
                          type: "radio",
                          options: designation.steps.map((step) => ({ value: step, label: t(`steps.designation.${step}`) })),
                          required: true,
                        },
                        { name: "reason", label: t("notice.followUpReason"), type: "textarea", required: true, maxLength: 500 },
                      ]}
                      submitLabel={t("notice.record")}
                      confirm={{ title: t("notice.followUp"), body: t("notice.followUpConfirm") }}
                    />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
    </div>
  );
}
