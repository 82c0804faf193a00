import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { loadNewSchoolForm } from "@/lib/schools/loaders";
import { emptyCreateValues } from "@/lib/schools/form-values";
import { SchoolForm } from "../_components/school-form";
import { PageHeader } from "@/components/page-header";
import { localName } from "@/components/local-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schools"))("form.createTitle") };
}

export default async function NewSchoolPage() {
  const data = await loadNewSchoolForm();
  const [t, locale] = await Promise.all([getTranslations("schools"), getLocale()]);
  const name = (record: { nameZh: string; nameEn: string }) => localName(record, locale);
  const own = data.authorities.length === 1 ? data.authorities[0] : null;
  return (
    <div className="space-y-4">
      <PageHeader back={{ href: "/console/schools", label: `← ${t("page.backToList")}` }} title={t("form.createTitle")} />
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
