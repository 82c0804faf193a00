import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { buildDictionary, type DictionaryField } from "@/lib/opendata/dictionary/build";
import { DICTIONARY_FILES } from "@/lib/opendata/dictionary/handler";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dictionary.page");
  return { title: t("title") };
}

/** The data dictionary (lib/opendata/dictionary): both languages side by side, one table per object or file. */
export default async function DictionaryPage() {
  const t = await getTranslations("dictionary.page");
  const dictionary = buildDictionary();
  const columns = [
    {
      key: "field",
      header: t("field"),
      rowHeader: true,
      className: "whitespace-nowrap font-mono",
      cell: (field: DictionaryField) => field.path,
    },
    {
      key: "type",
      header: t("type"),
      className: "whitespace-nowrap font-mono text-sm",
      cell: (field: DictionaryField) => (field.nullable ? `${field.type} · ${t("nullable")}` : field.type),
    },
    { key: "zh", header: t("meaningZh"), cell: (field: DictionaryField) => <span lang="zh-CN">{field.zh}</span> },
    { key: "en", header: t("meaningEn"), cell: (field: DictionaryField) => <span lang="en">{field.en}</span> },
    {
      key: "codes",
      header: t("codes"),
      cell: (field: DictionaryField) =>
        field.codes ? (
          <ul className="text-sm">
            {field.codes.map((code) => (
              <li key={code.code}>
                <span className="font-mono">{code.code}</span> <span lang="zh-CN">{code.zh}</span> / <span lang="en">{code.en}</span>
              </li>
            ))}
          </ul>
        ) : (
          t("noCodes")
        ),
    },
    { key: "since", header: t("since"), className: "whitespace-nowrap", cell: (field: DictionaryField) => field.since },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={t("intro")} />
      <p className="text-slate-700">{t("versions", { api: dictionary.apiVersion, release: dictionary.releaseSchemaVersion })}</p>
      <Panel title={t("downloads")} plain>
        <ul className="space-y-1">
          <li>
            <a href={`/data/dictionary/${DICTIONARY_FILES.json}`} download className="font-medium text-brand-800 underline">
              {t("downloadJson")}
            </a>
          </li>
          <li>
            <a href={`/data/dictionary/${DICTIONARY_FILES.csv}`} download className="font-medium text-brand-800 underline">
              {t("downloadCsv")}
            </a>
          </li>
        </ul>
      </Panel>
      {(["api", "release"] as const).map((kind) => (
        <Panel key={kind} title={t(kind)} plain>
          {dictionary.sources
            .filter((source) => source.kind === kind)
            .map((source) => (
              <section
                key={source.source}
                id={`dict-${source.source.split(" ")[0]}`}
                aria-labelledby={`dict-${source.source.split(" ")[0]}-title`}
                className="space-y-2"
              >
                <h3 id={`dict-${source.source.split(" ")[0]}-title`} className="font-mono text-lg font-semibold">
                  {source.source}
                </h3>
                <p className="text-sm text-slate-700">{source.usedBy.length ? t("usedBy", { routes: source.usedBy.join(", ") }) : t("embedded")}</p>
                <DataTable caption={t("caption", { source: source.source })} columns={columns} rows={source.fields} rowKey={(field) => field.path} alignTop />
              </section>
            ))}
        </Panel>
      ))}
    </div>
  );
}
