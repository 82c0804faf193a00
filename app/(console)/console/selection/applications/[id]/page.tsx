import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TextField } from "@/components/form-field";
import { reopenApplicationAction, removeAttachmentAction, submitApplicationAction, withdrawApplicationAction } from "@/lib/selection/applications/actions";
import { loadApplication } from "@/lib/selection/applications/loaders";
import { MAX_ATTACHMENT_BYTES } from "@/lib/selection/attachments/rules";
import { ActionButton } from "../../_components/action-button";
import { StatusBadge } from "../../_components/status-badge";
import { ApplicationEditor } from "./application-editor";
import { LedgerView } from "./ledger-view";
import { Button } from "@/components/button";
import { localName } from "@/components/local-name";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { applicationLabel } from "@/components/selection/application-label";
import { SelfAssessmentView, type SelfAssessment } from "../../_components/self-assessment";
import { FormStatus } from "@/components/form-status";

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
  const selfAssessment = (app.selfAssessment ?? {}) as SelfAssessment;
  const uploadError = query.error
    ? query.reason && t.has(`refusal.${query.reason}`)
      ? t(`refusal.${query.reason}`, { max: 20 })
      : t("application.uploadFailed")
    : null;
  return (
    <div className="space-y-6">
      <PageHeader
        back={{
          href: data.user.role === "PROVINCE_OFFICER" ? `/console/selection/apply/${batch.id}` : `/console/selection/batches/${batch.id}`,
          label: localName(batch, locale),
        }}
        title={applicationLabel(app, locale)}
        badges={
          <span data-testid="application-status">
            <StatusBadge entity="application" status={app.status} />
          </span>
        }
        intro={
          <p className="text-sm">
            {localName(app.authority, locale)} · {tEnums(`tier.${app.school.tier}`)}
            {app.schoolMajor ? ` · ${tEnums(`level.${app.schoolMajor.level}`)}` : ""}
            {app.provinceRank ? ` · ${t("review.provinceRank", { n: app.provinceRank })}` : ""}
          </p>
        }
      />

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
        <Panel title={t("application.editTitle")}>
          <ApplicationEditor
            applicationId={app.id}
            version={app.version}
            indicators={batch.indicators}
            selfAssessment={selfAssessment}
            evidenceText={app.evidenceText ?? ""}
            evidenceLinks={app.evidenceLinks}
          />
        </Panel>
      ) : (
        <SelfAssessmentView
          indicators={batch.indicators}
          selfAssessment={selfAssessment}
          evidenceText={app.evidenceText}
          evidenceLinks={app.evidenceLinks}
          withWeights
        />
      )}

      <Panel title={t("application.attachments")} className="text-sm">
        <FormStatus error={uploadError} success={query.uploaded ? t("application.uploaded") : null} />
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
            <Button type="submit" variant="secondary" size="sm">
              {t("application.upload")}
            </Button>
          </form>
        ) : null}
      </Panel>

      {data.ledger ? <LedgerView ledger={data.ledger} /> : null}
    </div>
  );
}
