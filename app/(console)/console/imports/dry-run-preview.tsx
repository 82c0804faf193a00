"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { DataTable } from "@/components/data-table";
import { StatCard } from "@/components/stat-card";
import { commitImportAction } from "@/lib/imports/actions";
import type { CommitResult } from "@/lib/imports/mutations";
import type { RenderedIssue, RenderedSummary } from "@/lib/imports/render";
import { Button } from "@/components/button";

/**
 * The dry run's result: counts, every error (row as Excel numbers it, column, value, message),
 * warnings, and a sample of changes; then the confirmation in a modal dialog.
 */
const PAGE = 200;

export function DryRunPreview(props: {
  jobId: string;
  fileName: string;
  summary: RenderedSummary;
  notice?: string;
  onDone: (result: CommitResult) => void;
  onRevalidated: (summary: RenderedSummary, notice: string) => void;
  onRestart: () => void;
}) {
  const { summary } = props;
  const t = useTranslations("imports");
  const tErrors = useTranslations("errors");
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, start] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const errors = summary.issues.filter((issue) => issue.severity === "error");
  const warnings = summary.issues.filter((issue) => issue.severity === "warning");
  const { counts } = summary;
  const canImport = errors.length === 0 && counts.create + counts.update > 0;

  function confirm() {
    start(async () => {
      const result = await commitImportAction({ jobId: props.jobId });
      dialog.current?.close();
      if (result.ok) return props.onDone(result.data);
      const detail = result.detail as { summary?: RenderedSummary; expired?: boolean } | undefined;
      if (result.code === "VALIDATION" && detail?.summary) return props.onRevalidated(detail.summary, t("revalidated"));
      setFailure(
        result.code === "STALE_VERSION"
          ? t("staleCommit")
          : result.code === "DUPLICATE"
            ? t("duplicateCommit")
            : detail?.expired
              ? t("expired")
              : tErrors(result.code),
      );
    });
  }

  return (
    <section aria-labelledby={`${id}-h`} className="space-y-4" data-testid="dry-run">
      <div>
        <h2 id={`${id}-h`} className="text-xl font-semibold">
          {t("previewTitle")}
        </h2>
        <p className="text-slate-700">{t("previewFile", { fileName: props.fileName, rows: summary.total })}</p>
        <p className="text-sm text-slate-600">{t("nothingWritten")}</p>
      </div>
      {props.notice || failure ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900" data-testid="commit-notice">
          {failure ?? props.notice}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-4" data-testid="dry-run-counts">
        <StatCard label={t("countCreate")} value={counts.create} />
        <StatCard label={t("countUpdate")} value={counts.update} />
        <StatCard label={t("countUnchanged")} value={counts.unchanged} />
        <StatCard label={t("countError")} value={counts.error} />
      </div>
      {errors.length ? (
        <div className="space-y-2">
          <h3 className="text-lg font-semibold text-red-800">{t("errorsTitle", { count: errors.length })}</h3>
          <p className="text-sm">{t("errorsHelp")}</p>
          <IssueTable issues={errors} label={t("errorsTitle", { count: errors.length })} testId="import-errors" />
        </div>
      ) : null}
      {warnings.length ? (
        <details className="rounded border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer font-medium">{t("warningsTitle", { count: warnings.length })}</summary>
          <div className="mt-2">
            <IssueTable issues={warnings} label={t("warningsTitle", { count: warnings.length })} testId="import-warnings" />
          </div>
        </details>
      ) : null}
      {summary.sample.length ? (
        <div className="space-y-2">
          <h3 className="text-lg font-semibold">{t("changesTitle")}</h3>
          <DataTable
            variant="inset"
            caption={t("changesTitle")}
            scrollLabel={t("changesTitle")}
            testId="import-changes"
            alignTop
            rows={summary.sample}
            rowKey={(sample) => sample.row}
            columns={[
              { key: "row", header: t("colRow"), className: "tabular-nums", cell: (sample) => sample.row },
              { key: "school", header: t("colSchool"), cell: (sample) => sample.name },
              {
                key: "changes",
                header: t("colChanges"),
                cell: (sample) => (
                  <ul>
                    {sample.changes.map((change) => (
                      <li key={change.field}>
                        {change.column}：<del className="text-slate-500">{change.from || t("emptyValue")}</del> →{" "}
                        <ins className="no-underline font-medium">{change.to || t("emptyValue")}</ins>
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {canImport ? (
          <button
            type="button"
            onClick={() => dialog.current?.showModal()}
            className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            {t("confirm")}
          </button>
        ) : errors.length === 0 ? (
          <p role="status">{t("nothingToImport")}</p>
        ) : null}
        <Button type="button" onClick={props.onRestart} variant="secondary">
          {t("again")}
        </Button>
      </div>
      <dialog ref={dialog} aria-labelledby={`${id}-dt`} aria-describedby={`${id}-db`} className="max-w-md rounded-lg p-5 backdrop:bg-black/40">
        <h2 id={`${id}-dt`} className="text-lg font-semibold">
          {t("confirmTitle")}
        </h2>
        <p id={`${id}-db`} className="mt-2">
          {t("confirmBody", { create: counts.create, update: counts.update })}
        </p>
        <div className="mt-4 flex gap-3">
          <Button type="button" onClick={confirm} disabled={pending}>
            {pending ? t("committing") : t("confirmYes")}
          </Button>
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            disabled={pending}
            className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100"
            autoFocus
          >
            {t("cancel")}
          </button>
        </div>
      </dialog>
    </section>
  );
}

function IssueTable({ issues, label, testId }: { issues: RenderedIssue[]; label: string; testId: string }) {
  const t = useTranslations("imports");
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      <DataTable
        variant="inset"
        caption={label}
        scrollLabel={label}
        testId={testId}
        alignTop
        rows={issues.slice(0, shown)}
        rowKey={(_issue, index) => index}
        columns={[
          { key: "row", header: t("colRow"), className: "tabular-nums", cell: (issue) => issue.row },
          { key: "column", header: t("colColumn"), cell: (issue) => issue.column },
          { key: "value", header: t("colValue"), className: "max-w-xs break-all font-mono text-xs", cell: (issue) => issue.value },
          { key: "message", header: t("colMessage"), cell: (issue) => issue.message },
        ]}
      />
      {issues.length > shown ? (
        <button
          type="button"
          onClick={() => setShown((count) => count + PAGE * 5)}
          className="mt-2 rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
        >
          {t("showMore", { count: Math.min(PAGE * 5, issues.length - shown) })}
        </button>
      ) : null}
    </>
  );
}
