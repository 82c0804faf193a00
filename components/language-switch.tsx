"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/lib/i18n/actions";

/** Toggles between Chinese and English; the choice is kept in a cookie. */
export function LanguageSwitch({ current, label, switchTo }: { current: string; label: string; switchTo: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const next = current === "en" ? "zh-CN" : "en";
  return (
    <button
      type="button"
      aria-label={`${label}: ${switchTo}`}
      disabled={pending}
      className="rounded border border-white/40 px-2 py-1 text-sm hover:bg-white/10"
      onClick={() =>
        start(async () => {
          await setLocaleAction(next);
          router.refresh();
        })
      }
    >
      {switchTo}
    </button>
  );
}
