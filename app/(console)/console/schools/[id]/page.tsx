import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadSchoolPage } from "@/lib/schools/loaders";
import { fieldLabel, formatDate, formatDateTime, formatValue, type RootT } from "@/lib/schools/format";
import { ConfirmButton } from "./confirm-button";
import { HistoryTimeline } from "./history-timeline";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schools"))("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ hpage?: string | string[]; saved?: string | string[] }> };

const REGISTRATION = ["uscc", "ownership", "sponsorType", "sponsorName", "approvalDocNo", "approvalDate", "establishedDate"] as const;
const FIGURES = ["fullTimeStudents", "trainingPersonTimes", "campusArea", "buildingArea", "equipmentValue", "teachers", "majorCount"] as const;
const CHANGE_LINKS = [
  ["status", "form.changeStatus"],
  ["tier", "form.changeTier"],
  ["rename", "form.changeName"],
  ["merge", "page.merge"],
  ["majors", "page.majors"],
] as const;

export default async function SchoolPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const hpage = Number(typeof query.hpage === "string" ? query.hpage : 1) || 1;
  const data = await loadSchoolPage(id, hpage);
  const [t, tValidation, locale] = await Promise.all([getTranslations("schools"), getTranslations("validation"), getLocale()]);
  const root = (await getTranslations()) as unknown as RootT;
  const { school } = data;
  const shown = (field: string, value: unknown) => formatValue(root, locale, "School", field, value);
  const en = locale === "en";
  const base = `/console/schools/${school.id}`;
  const dl = "grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]";
  const item = (label: string, value: React.ReactNode, key?: string) => (
    <div key={key ?? label} className="contents">
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd data-field={key}>{value}</dd>
    </div>
  );
  const saved = query.saved === "created" ? t("page.created") : query.saved === "updated" ? t("page.saved") : null;
  return (
    <div className="space-y-5">
      <Link href="/console/schools" className="text-sm text-brand-700 underline">
        ← {t("page.backToList")}
      </Link>
      {saved ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-emerald-900" data-testid="saved-notice">
          {saved}
        </p>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold" data-testid="school-name">
            {school.nameZh}
            {school.isDemo ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 align-middle text-xs text-slate-600">{t("demo")}</span> : null}
          </h1>
          {school.nameEn ? <p className="text-slate-600">{school.nameEn}</p> : null}
          <p className="text-sm text-slate-600">
            {t("fields.publicCode")}: <span className="font-mono">{school.publicCode}</span> · {en ? school.authority.nameEn : school.authority.nameZh}
          </p>
        </div>
        {data.canWrite ? (
          <nav aria-label={t("page.changes")} className="flex flex-wrap gap-2 text-sm">
            <Link href={`${base}/edit`} className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800">
              {t("page.edit")}
            </Link>
            {CHANGE_LINKS.map(([path, key]) => (
              <Link key={path} href={`${base}/${path}`} className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">
                {t(key)}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>

      <section
        aria-labelledby="confirm-title"
        className={`space-y-2 rounded-lg border p-4 ${data.stale ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}
      >
        <h2 id="confirm-title" className="font-semibold" data-testid="confirmed-at">
          {school.lastConfirmedAt
            ? data.confirmedBy
              ? t("page.confirmedAt", { time: formatDateTime(school.lastConfirmedAt, locale), name: data.confirmedBy })
              : t("page.confirmedAtNoName", { time: formatDateTime(school.lastConfirmedAt, locale) })
            : t("page.neverConfirmed")}
        </h2>
        {data.stale ? (
          <p className="text-sm text-amber-900" data-testid="stale-notice">
            {t("page.staleNotice")}
          </p>
        ) : null}
        {data.canWrite ? <ConfirmButton id={school.id} version={school.version} /> : null}
      </section>

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="identity-title" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="identity-title" className="mb-2 font-semibold">
            {t("page.identity")}
          </h2>
          <dl className={dl}>
            {item(t("fields.tier"), t("page.tierSince", { tier: shown("tier", school.tier), date: formatDate(school.tierSince) }), "tier")}
            {item(t("fields.status"), t("page.statusSince", { status: shown("status", school.status), date: formatDate(school.statusSince) }), "status")}
            {school.successor
              ? item(
                  t("fields.successorId"),
                  <Link href={`/console/schools/${school.successor.id}`} className="text-brand-700 underline">
                    {school.successor.nameZh}
                  </Link>,
                )
              : null}
            {item(t("fields.altNames"), shown("altNames", school.altNames), "altNames")}
            {school.formerNames.length ? item(t("fields.formerNames"), shown("formerNames", school.formerNames), "formerNames") : null}
            {item(t("fields.divisionCode"), school.division ? (en ? school.division.nameEn : school.division.nameZh) : "—", "divisionCode")}
            {item(t("fields.address"), shown("address", school.address), "address")}
            {item(
              t("fields.website"),
              school.website ? (
                <a href={school.website} className="text-brand-700 underline" rel="noopener noreferrer">
                  {school.website}
                </a>
              ) : (
                "—"
              ),
              "website",
            )}
            {item(`${t("fields.contactName")}`, `${shown("contactName", school.contactName)} ${school.contactPhone ?? ""}`.trim(), "contact")}
          </dl>
        </section>
        <section aria-labelledby="registration-title" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="registration-title" className="mb-2 font-semibold">
            {t("page.registration")}
          </h2>
          <dl className={dl}>{REGISTRATION.map((field) => item(fieldLabel(root, field), shown(field, school[field]), field))}</dl>
        </section>
      </div>

      <section aria-labelledby="figures-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="figures-title" className="mb-2 font-semibold">
          {school.figuresYear ? t("page.figures", { year: school.figuresYear }) : t("page.figuresNoYear")}
        </h2>
        <dl className={dl}>{FIGURES.map((field) => item(fieldLabel(root, field), shown(field, school[field]), field))}</dl>
        <div className="mt-3" data-testid="warnings">
          <h3 className="text-sm font-semibold">{t("page.warnings")}</h3>
          {data.warnings.length ? (
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-amber-900">
              {data.warnings.map((warning, index) => (
                <li key={index}>
                  <span className="font-medium">{fieldLabel(root, warning.field)}</span>{" "}
                  {tValidation.has(warning.key) ? tValidation(warning.key, warning.params) : warning.key}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("page.noWarnings")}</p>
          )}
        </div>
      </section>

      <HistoryTimeline schoolId={school.id} locale={locale} {...data.history} />
    </div>
  );
}
