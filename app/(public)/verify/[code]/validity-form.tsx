import { getTranslations } from "next-intl/server";
import { Button } from "@/components/button";
import { SelectField } from "@/components/form-field";
import { VALID_DAYS_CHOICES } from "@/lib/verify/validity";

/**
 * The validity period of this sheet and its signed JSON, chosen before printing or downloading
 * (a GET form: the choice is in the URL, ?validDays=). Not printed.
 */
export async function ValidityForm({ code, validDays, refused }: { code: string; validDays: number; refused: boolean }) {
  const t = await getTranslations("verify");
  // A valid period typed into the URL (e.g. 45) is offered too, so the form shows what the sheet says.
  const choices = [...new Set<number>([...VALID_DAYS_CHOICES, validDays])].sort((first, second) => first - second);
  return (
    <form method="get" action={`/verify/${code}`} className="no-print flex flex-wrap items-end gap-3" data-testid="validity-form">
      <SelectField
        id="valid-days"
        name="validDays"
        label={t("validDaysLabel")}
        hint={t("validDaysHint")}
        errorText={refused ? [t("validDaysRefused")] : undefined}
        defaultValue={String(validDays)}
        width="auto"
        options={choices.map((days) => ({ value: String(days), label: t("validDaysOption", { days }) }))}
      />
      <Button type="submit" variant="secondary">
        {t("validDaysApply")}
      </Button>
    </form>
  );
}
