"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { ChoiceField } from "@/components/choice-field";
import { SelectField, TextField } from "@/components/form-field";
import type { RenderedSummary } from "@/lib/imports/render";
import type { CommitResult } from "@/lib/imports/mutations";
import { DryRunPreview } from "./dry-run-preview";
import { ImportResult } from "./import-result";
import { uploadFile, type UploadEvent } from "./upload-client";
import { Button } from "@/components/button";

/**
 * The import page's client part: choose what and which file → upload with progress → dry-run
 * preview → confirm → result. Each step replaces the previous one; "import another" starts over.
 */
type State =
  | { step: "form"; error?: string }
  | { step: "busy"; event: UploadEvent }
  | { step: "preview"; jobId: string; fileName: string; summary: RenderedSummary; notice?: string }
  | { step: "done"; result: CommitResult };

export type InitialJob = { id: string; fileName: string; status: "DRY_RUN" | "COMMITTED"; summary: RenderedSummary; result: CommitResult | null } | null;

export function ImportWizard({ initialJob }: { initialJob: InitialJob }) {
  const t = useTranslations("imports");
  const tErrors = useTranslations("errors");
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const [state, setState] = useState<State>(() =>
    initialJob?.status === "COMMITTED" && initialJob.result
      ? { step: "done", result: { ...initialJob.result, alreadyCommitted: true } }
      : initialJob
        ? { step: "preview", jobId: initialJob.id, fileName: initialJob.fileName, summary: initialJob.summary }
        : { step: "form" },
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setState({ step: "form", error: t("chooseFile") });
      fileRef.current?.focus();
      return;
    }
    setState({ step: "busy", event: { phase: "uploading", percent: 0 } });
    uploadFile(form, (update) => {
      if (update.phase === "done") {
        setState({ step: "preview", jobId: update.jobId, fileName: file.name, summary: update.summary });
        window.history.replaceState(null, "", `/console/imports?job=${update.jobId}`);
        router.refresh(); // the "recent imports" list
      } else if (update.phase === "error") {
        setState({ step: "form", error: update.message ?? (update.code ? tErrors(update.code) : t("uploadFailed")) });
      } else setState({ step: "busy", event: update });
    });
  }

  const restart = () => {
    window.history.replaceState(null, "", "/console/imports");
    setState({ step: "form" });
  };

  if (state.step === "busy") return <Progress event={state.event} />;
  if (state.step === "preview") {
    return (
      <DryRunPreview
        key={state.jobId}
        jobId={state.jobId}
        fileName={state.fileName}
        summary={state.summary}
        notice={state.notice}
        onDone={(result) => {
          setState({ step: "done", result });
          router.refresh();
        }}
        onRevalidated={(summary, notice) => setState({ ...state, summary, notice })}
        onRestart={restart}
      />
    );
  }
  if (state.step === "done") return <ImportResult result={state.result} onRestart={restart} />;

  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      aria-describedby={state.error ? `${id}-err` : undefined}
    >
      {state.error ? (
        <p id={`${id}-err`} role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-800" data-testid="upload-error">
          {state.error}
        </p>
      ) : null}
      <ChoiceField
        name="kind"
        label={t("kind")}
        defaultSelected={["schools"]}
        options={[
          { value: "schools", label: t("kindSchools") },
          { value: "schoolMajors", label: t("kindSchoolMajors") },
        ]}
      />
      <TextField
        ref={fileRef}
        id={`${id}-file`}
        name="file"
        label={t("file")}
        type="file"
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        describedBy={state.error ? `${id}-err` : undefined}
        width="auto"
      />
      <SelectField
        id={`${id}-enc`}
        name="encoding"
        label={t("encoding")}
        defaultValue="auto"
        hint={t("encodingHelp")}
        width="auto"
        options={[
          { value: "auto", label: t("encodingAuto") },
          { value: "utf-8", label: t("encodingUtf8") },
          { value: "gb18030", label: t("encodingGb18030") },
        ]}
      />
      <Button type="submit">{t("check")}</Button>
    </form>
  );
}

function Progress({ event }: { event: UploadEvent }) {
  const t = useTranslations("imports");
  const text =
    event.phase === "uploading" ? t("uploading", { percent: event.percent }) : event.phase === "checking" ? t("checking", { rows: event.rows }) : t("reading");
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" aria-busy="true">
      {/* An indeterminate bar once the bytes are up: reading and checking have no byte count. */}
      <progress className="w-full" aria-label={t("progressLabel")} max={100} value={event.phase === "uploading" ? event.percent : undefined} />
      <p role="status" data-testid="import-progress">
        {text}
      </p>
    </div>
  );
}
