import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { TextField } from "@/components/form-field";
import { Button } from "@/components/button";

/** A GET form for ?asOf=YYYY-MM-DD, and the notice shown while an earlier record is on screen. */
export async function AsOfForm({ id, asOf, today }: { id: string; asOf: string | null; today: string }) {
  const t = await getTranslations("schoolPage");
  return (
    <form method="get" action={`/schools/${id}`} className="flex flex-wrap items-end gap-2 no-print" aria-label={t("asOfTitle")}>
      <TextField id="as-of" name="asOf" label={t("asOfLabel")} type="date" max={today} min="1900-01-01" defaultValue={asOf ?? ""} width="auto" />
      <Button type="submit" variant="outline" size="sm">
        {t("asOfSubmit")}
      </Button>
      {asOf ? (
        <Link href={`/schools/${id}`} className="py-1.5 text-brand-700 underline">
          {t("asOfCurrent")}
        </Link>
      ) : null}
    </form>
  );
}
