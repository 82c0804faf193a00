"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/button";
import { ConfirmPanel } from "@/components/confirm-panel";
import { Notice } from "@/components/notice";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";

/** "Revoke", then a confirmation (focus moves into it; Escape backs out), then the outcome. */
export function RevokeKey({ id, name }: { id: string; name: string }) {
  const t = useTranslations("apiKeys.revoke");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, start] = useTransition();
  const confirm = () =>
    start(async () => {
      const result = await revokeApiKeyAction({ id });
      setAsking(false);
      if (!result.ok) setError(tErrors(result.code));
      router.refresh();
    });
  if (asking) {
    return (
      <ConfirmPanel
        title={t("confirmTitle", { name })}
        body={t("confirmBody")}
        confirmLabel={t("confirm")}
        cancelLabel={t("cancel")}
        onConfirm={confirm}
        onCancel={() => setAsking(false)}
        busy={busy}
      />
    );
  }
  return (
    <div className="space-y-2">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Button type="button" variant="secondary" size="sm" aria-label={t("buttonLabel", { name })} onClick={() => setAsking(true)}>
        {t("button")}
      </Button>
    </div>
  );
}
