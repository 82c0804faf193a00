"use client";

import { useTranslations } from "next-intl";
import { TextAreaField, TextField } from "@/components/form-field";
import { renameAction } from "@/lib/school-changes/actions";
import { ChangeForm, SubmitButton } from "../status/change-form";

/** Rename: the old name goes to the former names; search keys are recomputed on the server. */
export function RenameForm({ school, today }: { school: { id: string; version: number }; today: string }) {
  const t = useTranslations("lifecycle");
  return (
    <ChangeForm
      school={school}
      action={renameAction}
      successKey="rename.saved"
      footer={({ pending }) => <SubmitButton pending={pending} label={t("rename.submit")} pendingLabel={t("saving")} />}
    >
      {({ errors }) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="newNameZh" label={t("rename.newNameZh")} required issues={errors?.newNameZh} />
            <TextField name="newNameEn" label={t("rename.newNameEn")} issues={errors?.newNameEn} />
            <TextField name="documentNo" label={t("documentNo")} required placeholder={t("documentNoPlaceholder")} issues={errors?.documentNo} />
            <TextField name="effectiveDate" label={t("effectiveDate")} required type="date" max={today} issues={errors?.effectiveDate} />
          </div>
          <TextAreaField name="note" label={t("note")} issues={errors?.note} />
        </>
      )}
    </ChangeForm>
  );
}
