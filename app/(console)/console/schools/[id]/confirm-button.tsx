"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { confirmSchoolAction } from "@/lib/schools/actions";

/** "确认信息无误": one click for the version on screen; the page then shows the new date. */
export function ConfirmButton({ id, version }: { id: string; version: number }) {
  const t = useTranslations("schools.page");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={pending}
        aria-describedby="confirm-hint"
        onClick={() =>
          start(async () => {
            const result = await confirmSchoolAction({ id, version: String(version) });
            setMessage(result.ok ? { ok: true, text: t("confirmDone") } : { ok: false, text: tErrors(result.code) });
            router.refresh();
          })
        }
        className="rounded bg-emerald-700 px-4 py-2 font-medium text-white hover:bg-emerald-800 disabled:opacity-60"
        data-testid="confirm-school"
      >
        {pending ? t("confirming") : t("confirm")}
      </button>
      <span id="confirm-hint" className="text-sm text-slate-600">
        {t("confirmHint")}
      </span>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-800" : "text-sm text-red-800"} data-testid="confirm-message">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
