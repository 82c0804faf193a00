import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TextField } from "@/components/form-field";
import { reopenApplicationAction, removeAttachmentAction, submitApplicationAction, withdrawApplicationAction } from "@/lib/selection/applications/actions";
import { loadApplication } from "@/lib/selection/applications/loaders";
import { MAX_ATTACHMENT_BYTES } from "@/lib/selection/attachments/rules";
import { ActionButton } from "../../_components/action-button";
import { StatusBadge } from "../../_components/status-badge";
import { ApplicationEditor } from "./application-editor";
import { LedgerView } from "./ledger-view";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ uploaded?: string; error?: string; reason?: string }> };

const STEP_ACTIONS = { submit: submitApplicationAction, reopen: reopenApplicationAction, withdraw: withdrawApplicationAction } as const;

export default async function ApplicationPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const [data, t, tEnums, format, locale] = await Promise.all([
    loadApplication(id),
    getTranslations("selection"),
    getTranslations("enums"),
    getFormatter(),
    getLocale(),
  ]);
  const { app, batch } = data;
  const selfAssessment = (app.selfAssessment ?? {}) as Record<string, { score: number | null; note: string }>;
  const uploadError = query.error
    ? query.reason && t.has(`refusal.${query.reason}`)
      ? t(`refusal.${query.reason}`, { max: 20 })
      : t("application.uploadFailed")
    : null;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link
          href={data.user.role === "PROVINCE_OFFICER" ? `/console/selection/apply/${batch.id}` : `/console/selection/batches/${batch.id}`}
          className="text-brand-700 underline"
        >
          {locale === "en" && batch.nameEn ? batch.nameEn : batch.nameZh}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          {app.school.nameZh}
          {app.schoolMajor ? ` · ${locale === "en" ? app.schoolMajor.major.nameEn : app.schoolMajor.major.nameZh}` : ""}
        </h1>
        <span data-testid="application-status">
          <StatusBadge entity="application" status={app.status} />
        </span>
      </div>
      <p className="text-sm text-slate-700">
        {locale === "en" ? app.authority.nameEn : app.authority.nameZh} · {tEnums(`tier.${app.school.tier}`)}
        {app.schoolMajor ? ` · ${tEnums(`level.${app.schoolMajor.level}`)}` : ""}
        {app.provinceRank ? ` · ${t("review.provinceRank", { n: app.provinceRank })}` : ""}
      </p>

      {data.steps.length ? (
        <div className="flex flex-wrap gap-3">
          {data.steps.map((step) => (
            <ActionButton
              key={step}
              action={STEP_ACTIONS[step]}
              input={{ applicationId: app.id, version: app.version }}
              label={t(`steps.application.${step}`)}
              variant={step === "withdraw" ? "danger" : step === "reopen" ? "secondary" : "primary"}
              confirm={step === "submit" ? undefined : { title: t(`application.confirm.${step}.title`), body: t(`application.confirm.${step}.body`) }}
            />
          ))}
        </div>
      ) : null}

      {data.canEdit ? (
        <section aria-labelledby="edit-h" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="edit-h" className="text-lg font-semibold">
            {t("application.editTitle")}
          </h2>
          <ApplicationEditor
            applicationId={app.id}
            version={app.version}
            indicators={batch.indicators}
            selfAssessment={selfAssessment}
            evidenceText={app.evidenceText ?? ""}
            evidenceLinks={app.evidenceLinks}
          />
        </section>
      ) : (
        <section aria-labelledby="sa-h" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 id="sa-h" className="text-lg font-semibold">
            {t("application.selfAssessment")}
          </h2>
          <ul className="space-y-1">
            {batch.indicators.map((indicator) => (
              <li key={indicator.id}>
                {indicator.code} {locale === "en" ? indicator.nameEn : indicator.nameZh}（{indicator.weight}%）：
                <span className="tabular-nums">{selfAssessment[indicator.code]?.score ?? "—"}</span> / {indicator.maxScore}
                {selfAssessment[indicator.code]?.note ? ` — ${selfAssessment[indicator.code].note}` : ""}
              </li>
            ))}
          </ul>
          {app.evidenceText ? <p className="whitespace-pre-wrap">{app.evidenceText}</p> : null}
          {app.evidenceLinks.length ? (
            <ul>
              {app.evidenceLinks.map((link) => (
                <li key={link}>
                  <a href={link} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
                    {link}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      )}

      <section aria-labelledby="att-h" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="att-h" className="text-lg font-semibold">
          {t("application.attachments")}
        </h2>
        {query.uploaded ? (
          <p role="status" className="text-green-800">
            {t("application.uploaded")}
          </p>
        ) : null}
        {uploadError ? (
          <p role="alert" className="text-red-800">
            {uploadError}
          </p>
        ) : null}
        {app.attachments.length === 0 ? <p>{t("application.noAttachments")}</p> : null}
        <ul className="space-y-1">
          {app.attachments.map((attachment) => (
            <li key={attachment.id} className="flex flex-wrap items-center gap-3">
              <a href={`/console/selection/attachments/${attachment.id}`} className="text-brand-700 underline">
                {attachment.fileName}
              </a>
              <span className="text-slate-600">
                {format.number(attachment.sizeBytes / 1024, { maximumFractionDigits: 0 })} KB · {format.dateTime(attachment.createdAt, { dateStyle: "medium" })}
              </span>
              {data.canEdit ? (
                <ActionButton
                  action={removeAttachmentAction}
                  input={{ attachmentId: attachment.id }}
                  label={t("application.removeAttachment")}
                  variant="secondary"
                  confirm={{ title: t("application.removeAttachment"), body: t("application.removeAttachmentBody", { name: attachment.fileName }) }}
                />
              ) : null}
            </li>
          ))}
        </ul>
        {data.canEdit ? (
          <form
            method="post"
            action={`/console/selection/applications/${app.id}/attachments`}
            encType="multipart/form-data"
            className="flex flex-wrap items-end gap-2"
          >
            <TextField
              id="att-file"
              name="file"
              label={t("application.uploadLabel")}
              type="file"
              accept="application/pdf,.pdf"
              required
              hint={t("application.uploadHint", { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}
              width="auto"
            />
            <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1.5 hover:bg-slate-100">
              {t("application.upload")}
            </button>
          </form>
        ) : null}
      </section>

      {data.ledger ? <LedgerView ledger={data.ledger} /> : null}
    </div>
  );
}
