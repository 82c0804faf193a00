"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/form-field";
import { assignExpertAction } from "@/lib/selection/reviews/actions";
import { Button } from "@/components/button";
import { FormStatus } from "@/components/form-status";
import { useStep } from "@/components/selection/use-step";

/** Offers only the experts without a conflict (the server refuses the others anyway). */
export function AssignForm({ applicationId, schoolName, offers }: { applicationId: string; schoolName: string; offers: { id: string; label: string }[] }) {
  const t = useTranslations("selection.review");
  const id = useId();
  const [expertId, setExpertId] = useState("");
  const step = useStep();
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
        <Button
          size="sm"
          disabled={!step.ready || !expertId}
          onClick={() => step.run(() => assignExpertAction({ applicationId, expertId }), { onDone: () => setExpertId("") })}
        >
          {t("assign")}
        </Button>
      </div>
      <FormStatus error={step.status.error} />
    </div>
  );
}
