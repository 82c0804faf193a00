import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadSchoolPage } from "@/lib/schools/loaders";
import { fieldLabel, formatDateTime, formatValue, sinceText, type RootT } from "@/lib/schools/format";
import { ConfirmButton } from "./confirm-button";
import { HistoryTimeline } from "./history-timeline";
import { Panel } from "@/components/panel";
import { Badge } from "@/components/badge";
import { ButtonLink } from "@/components/button";
import { DescriptionList } from "@/components/description-list";
import { localName } from "@/components/local-name";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";

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
  const base = `/console/schools/${school.id}`;
  // A stored field, labelled and shown as the history shows it.
  const stored = (field: (typeof REGISTRATION)[number] | (typeof FIGURES)[number]) => ({
    term: fieldLabel(root, field),
    detail: shown(field, school[field]),
    field,
  });
  const saved = query.saved === "created" ? t("page.created") : query.saved === "updated" ? t("page.saved") : null;
  return (
    <div className="space-y-5">
      {saved ? (
        <Notice tone="success" testId="saved-notice">
          {saved}
        </Notice>
      ) : null}
      <PageHeader
        back={{ href: "/console/schools", label: `← ${t("page.backToList")}` }}
        title={
          <>
            <span data-testid="school-name">{school.nameZh}</span>
            {school.isDemo ? (
              <Badge className="ml-2 align-middle" tone="slate">
                {t("demo")}
              </Badge>
            ) : null}
          </>
        }
        intro={
          <>
            {school.nameEn ? <p className="text-slate-600">{school.nameEn}</p> : null}
            <p className="text-sm text-slate-600">
              {t("fields.publicCode")}: <span className="font-mono">{school.publicCode}</span> · {localName(school.authority, locale)}
            </p>
          </>
        }
        actions={
          data.canWrite ? (
            <nav aria-label={t("page.changes")} className="flex flex-wrap gap-2">
              <ButtonLink href={`${base}/edit`} size="sm">
                {t("page.edit")}
              </ButtonLink>
              {CHANGE_LINKS.map(([path, key]) => (
                <ButtonLink key={path} href={`${base}/${path}`} variant="secondary" size="sm">
                  {t(key)}
                </ButtonLink>
              ))}
            </nav>
          ) : null
        }
      />

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
        <Panel title={t("page.identity")}>
          <DescriptionList
            className="text-sm"
            items={[
              {
                field: "tier",
                term: t("fields.tier"),
                detail: sinceText(shown("tier", school.tier), school.tierSince, (date) => t("page.tierSince", { tier: shown("tier", school.tier), date })),
              },
              {
                field: "status",
                term: t("fields.status"),
                detail: sinceText(shown("status", school.status), school.statusSince, (date) =>
                  t("page.statusSince", { status: shown("status", school.status), date }),
                ),
              },
              school.successor && {
                key: "successor",
                term: t("fields.successorId"),
                detail: (
                  <Link href={`/console/schools/${school.successor.id}`} className="text-brand-700 underline">
                    {school.successor.nameZh}
                  </Link>
                ),
              },
              { field: "altNames", term: t("fields.altNames"), detail: shown("altNames", school.altNames) },
              school.formerNames.length > 0 && { field: "formerNames", term: t("fields.formerNames"), detail: shown("formerNames", school.formerNames) },
              { field: "divisionCode", term: t("fields.divisionCode"), detail: school.division ? localName(school.division, locale) : "—" },
              { field: "address", term: t("fields.address"), detail: shown("address", school.address) },
              {
                field: "website",
                term: t("fields.website"),
                detail: school.website ? (
                  <a href={school.website} className="text-brand-700 underline" rel="noopener noreferrer">
                    {school.website}
                  </a>
                ) : (
                  "—"
                ),
              },
              { field: "contact", term: t("fields.contactName"), detail: `${shown("contactName", school.contactName)} ${school.contactPhone ?? ""}`.trim() },
            ]}
          />
        </Panel>
        <Panel title={t("page.registration")}>
          <DescriptionList className="text-sm" items={REGISTRATION.map(stored)} />
        </Panel>
      </div>

      <Panel title={school.figuresYear ? t("page.figures", { year: school.figuresYear }) : t("page.figuresNoYear")}>
        <DescriptionList className="text-sm" items={FIGURES.map(stored)} />
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
          ) : data.unreported.length ? null : (
            <p className="text-sm text-slate-600">{t("page.noWarnings")}</p>
          )}
          {/* Figures not reported cannot be below the standard, nor shown to meet it. */}
          {data.unreported.length ? (
            <p className="text-sm text-slate-600" data-testid="figures-unreported">
              {t("page.figuresUnreported", { fields: new Intl.ListFormat(locale).format(data.unreported.map((field) => fieldLabel(root, field))) })}
            </p>
          ) : null}
        </div>
      </Panel>

      <HistoryTimeline schoolId={school.id} locale={locale} {...data.history} />
    </div>
  );
}
