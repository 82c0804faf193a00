import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { cache } from "react";
import { formatShanghai, shanghaiToday } from "@/lib/kernel/dates";
import { loadVerifyPage } from "@/lib/verify/loaders";
import { designationColumns } from "../../_components/designation-columns";
import { PrintButton } from "./print-button";
import { PrintedCheck } from "./printed-check";
import { ValidityForm } from "./validity-form";
import { localName } from "@/components/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache(loadVerifyPage);
/** ?validDays= and ?digest= as plain strings (a repeated one stays invalid). */
const queryOf = async (searchParams: Props["searchParams"]) => {
  const query = await searchParams;
  const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(",") : value);
  return [text(query.validDays), text(query.digest)] as const;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ code }, [validDays, digest], t] = await Promise.all([params, queryOf(searchParams), getTranslations("verify")]);
  const page = await load(code, validDays, digest);
  return page ? { title: `${t("resultTitle")} · ${page.facts.nameZh}`, robots: { index: false } } : {};
}

/**
 * A printable verification: current status and valid designations, time of the check, the chosen
 * validity period, and a QR code that leads back here to check whether the sheet is still current.
 */
export default async function VerifyPage({ params, searchParams }: Props) {
  const [{ code }, [validDays, digest], t, locale] = await Promise.all([params, queryOf(searchParams), getTranslations(), getLocale()]);
  const page = await load(code, validDays, digest);
  if (!page) notFound();
  const { facts, url, qr, printed } = page;
  const since = (date: string | null) => (date ? t("verify.since", { date }) : "");
  return (
    <article className="verify-sheet mx-auto max-w-3xl space-y-5 rounded-lg border border-slate-300 bg-white p-6 print:border-0 print:p-0">
      {printed ? <PrintedCheck printed={printed} /> : null}
      {facts.isDemo ? (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("verify.demo")}
        </p>
      ) : null}
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">{t("verify.resultTitle")}</h1>
          <p className="text-sm text-slate-700" data-testid="checked-at">
            <time dateTime={facts.checkedAt}>{t("verify.checkedAt", { time: formatShanghai(new Date(facts.checkedAt), locale) })}</time>
          </p>
          <p className="text-sm font-medium" data-testid="valid-until">
            <time dateTime={facts.validUntil}>
              {t("verify.validUntil", { time: formatShanghai(new Date(facts.validUntil), locale), days: facts.validDays })}
            </time>
          </p>
        </div>
        <figure className="shrink-0 text-center">
          <div
            role="img"
            aria-label={t("verify.qrLabel", { url })}
            data-testid="verify-qr"
            data-url={url}
            className="h-36 w-36 [&>svg]:h-full [&>svg]:w-full"
            dangerouslySetInnerHTML={{ __html: qr }}
          />
          <figcaption className="mt-1 text-xs text-slate-700">{t("verify.qrCaption")}</figcaption>
        </figure>
      </header>

      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-slate-700">{t("verify.name")}</dt>
        <dd className="text-lg font-semibold">
          {facts.nameZh}
          {facts.nameEn ? (
            <span lang="en" className="block text-base font-normal text-slate-700">
              {facts.nameEn}
            </span>
          ) : null}
        </dd>
        <dt className="font-medium text-slate-700">{t("verify.code")}</dt>
        <dd className="font-mono">{facts.publicCode}</dd>
        <dt className="font-medium text-slate-700">{t("verify.tier")}</dt>
        <dd>
          {t(`enums.tier.${facts.tier}`)}
          {since(facts.tierSince)}
        </dd>
        <dt className="font-medium text-slate-700">{t("verify.status")}</dt>
        <dd>
          <strong className={facts.onRegister ? "text-emerald-800" : "text-rose-800"}>{t(`enums.status.${facts.status}`)}</strong>
          {since(facts.statusSince)}
          {" · "}
          {facts.onRegister ? t("verify.onRegister") : t("verify.offRegister")}
        </dd>
        <dt className="font-medium text-slate-700">{t("verify.authority")}</dt>
        <dd>{localName(facts.authority, locale)}</dd>
        <dt className="font-medium text-slate-700">{t("verify.lastConfirmed")}</dt>
        <dd>{facts.lastConfirmedAt ? shanghaiToday(new Date(facts.lastConfirmedAt)) : "—"}</dd>
      </dl>

      <section aria-labelledby="verify-designations">
        <h2 id="verify-designations" className="mb-2 text-lg font-semibold">
          {t("verify.designations")}
        </h2>
        <DataTable
          variant="inset"
          caption={t("verify.designations")}
          rows={facts.designations}
          rowKey={(_designation, index) => index}
          empty={t("verify.noDesignations")}
          columns={designationColumns(t, locale)}
        />
      </section>

      <p className="text-xs text-slate-700" data-testid="freshness-note">
        {t("verify.freshness")}
      </p>
      <p className="break-all text-xs text-slate-700">{url}</p>

      <ValidityForm code={facts.publicCode} validDays={facts.validDays} refused={page.validDaysRefused} />

      <footer className="no-print flex flex-wrap items-center gap-4 border-t border-slate-200 pt-4 text-sm">
        <PrintButton label={t("verify.print")} />
        <Link href={`/schools/${facts.publicCode}`} className="text-brand-700 underline">
          {t("verify.viewSchool")}
        </Link>
        <a href={`/api/v1/verify/${facts.publicCode}?validDays=${facts.validDays}`} className="text-brand-700 underline">
          {t("verify.json")}
        </a>
        <a href="/api/v1/keys/verify.pem" className="text-brand-700 underline">
          {t("verify.publicKey")}
        </a>
      </footer>
    </article>
  );
}
