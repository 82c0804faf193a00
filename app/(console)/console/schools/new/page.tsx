import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadNewSchoolForm } from "@/lib/schools/loaders";
import { emptyCreateValues } from "@/lib/schools/form-values";
import { SchoolForm } from "../_components/school-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schools"))("form.createTitle") };
}

export default async function NewSchoolPage() {
  const data = await loadNewSchoolForm();
  const [t, locale] = await Promise.all([getTranslations("schools"), getLocale()]);
  const name = (record: { nameZh: string; nameEn: string }) => (locale === "en" ? record.nameEn : record.nameZh);
  const own = data.authorities.length === 1 ? data.authorities[0] : null;
  return (
    <div className="space-y-4">
      <Link href="/console/schools" className="text-sm text-brand-700 underline">
        ← {t("page.backToList")}
      </Link>
      <h1 className="text-2xl font-bold">{t("form.createTitle")}</h1>
      <SchoolForm
        mode="create"
        initial={{ ...emptyCreateValues, authorityId: own?.id ?? "" }}
        authorities={data.authorities.map((authority) => ({ value: authority.id, label: name(authority) }))}
        divisions={data.divisions.map((division) => ({ code: division.code, name: name(division), authorityId: division.authorityId }))}
        readOnly={own ? <p className="text-sm text-slate-700">{t("form.authorityFixed", { authority: name(own) })}</p> : null}
      />
    </div>
  );
}
