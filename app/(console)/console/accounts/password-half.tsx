"use client";

import { useTranslations } from "next-intl";
import { Notice } from "@/components/notice";

/**
 * One half of a privileged account's one-time password, shown once to the person who holds it
 * (the requester the first half, the approver the second): docs/decisions/0052.
 */
export function PasswordHalf({ half, value }: { half: "requester" | "approver"; value: string }) {
  const t = useTranslations("accounts.requests");
  return (
    <Notice tone="warning" role="note">
      <p>
        {t(`${half}Half`)}:{" "}
        <code data-testid={`${half}-half`} className="rounded bg-white px-2 py-1 font-mono text-base">
          {value}
        </code>
      </p>
      <p className="mt-1">{t("halfHint")}</p>
    </Notice>
  );
}
