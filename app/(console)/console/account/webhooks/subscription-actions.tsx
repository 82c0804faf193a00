"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/button";
import { ConfirmPanel } from "@/components/confirm-panel";
import { Notice } from "@/components/notice";
import { deleteWebhookAction, pingWebhookAction, setWebhookEnabledAction } from "@/lib/webhooks/actions";

/** A subscription's buttons: test ping, disable/enable, delete (after a confirmation: focus moves into it, Escape backs out). */
export function SubscriptionActions({ id, url, enabled }: { id: string; url: string; enabled: boolean }) {
  const t = useTranslations("webhooks.actions");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, start] = useTransition();
  const run = (act: () => Promise<{ ok: boolean; code?: string }>, done?: string) =>
    start(async () => {
      const result = await act();
      setAsking(false);
      setMessage(result.ok ? (done ? { tone: "success", text: done } : null) : { tone: "error", text: tErrors(result.code as never) });
      router.refresh();
    });
  if (asking) {
    return (
      <ConfirmPanel
        title={t("confirmTitle", { url })}
        body={t("confirmBody")}
        confirmLabel={t("confirm")}
        cancelLabel={t("cancel")}
        onConfirm={() => run(() => deleteWebhookAction({ id }))}
        onCancel={() => setAsking(false)}
        busy={busy}
      />
    );
  }
  return (
    <div className="space-y-2">
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          aria-label={t("pingLabel", { url })}
          disabled={busy || !enabled}
          onClick={() => run(() => pingWebhookAction({ id }), t("pinged"))}
        >
          {t("ping")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          size="sm"
          aria-label={t(enabled ? "disableLabel" : "enableLabel", { url })}
          disabled={busy}
          onClick={() => run(() => setWebhookEnabledAction({ id, enabled: !enabled }))}
        >
          {t(enabled ? "disable" : "enable")}
        </Button>
        <Button type="button" variant="secondary" size="sm" aria-label={t("deleteLabel", { url })} disabled={busy} onClick={() => setAsking(true)}>
          {t("delete")}
        </Button>
      </div>
    </div>
  );
}
