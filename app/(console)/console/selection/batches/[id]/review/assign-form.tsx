"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/form-field";
import { assignExpertAction } from "@/lib/selection/reviews/actions";
import { FormStatus } from "@/components/form-status";
import { useResultMessage } from "@/components/selection/use-result-message";
import { useHydrated } from "@/components/use-hydrated";

/** Offers only the experts without a conflict (the server refuses the others anyway). */
export function AssignForm({ applicationId, schoolName, offers }: { applicationId: string; schoolName: string; offers: { id: string; label: string }[] }) {
  const t = useTranslations("selection.review");
  const message = useResultMessage();
  const router = useRouter();
  const id = useId();
  const [expertId, setExpertId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  if (!offers.length) return <p className="text-sm text-slate-600">{t("noOffers")}</p>;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          id={id}
          label={t("expertFor", { school: schoolName })}
          value={expertId}
          onChange={(event) => setExpertId(event.target.value)}
          placeholder={t("chooseExpert")}
          options={offers.map((offer) => ({ value: offer.id, label: offer.label }))}
          dense
          width="auto"
        />
        <button
          type="button"
          disabled={!hydrated || !expertId || pending}
          onClick={() =>
            start(async () => {
              setError(null);
              const result = await assignExpertAction({ applicationId, expertId });
              if (!result.ok) return setError(message(result));
              setExpertId("");
              router.refresh();
            })
          }
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t("assign")}
        </button>
      </div>
      <FormStatus error={error} />
    </div>
  );
}
