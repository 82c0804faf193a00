import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { StatusBadge } from "../../_components/status-badge";
import { localName } from "@/components/local-name";
import { PageHeader } from "@/components/page-header";

/** The heading and the tabs of a batch's ministry pages. */
export async function BatchHeader({
  batch,
  current,
}: {
  batch: { id: string; nameZh: string; nameEn: string | null; kind: string; status: string; isDemo: boolean };
  current: "overview" | "review" | "results" | "notice";
}) {
  const [t, locale] = await Promise.all([getTranslations("selection"), getLocale()]);
  const tabs = [
    ["overview", ""],
    ["review", "/review"],
    ["results", "/results"],
    ["notice", "/notice"],
  ] as const;
  return (
    <div className="space-y-3">
      <PageHeader
        back={{ href: "/console/selection", label: t("admin.title") }}
        title={localName(batch, locale)}
        badges={
          <>
            <span data-testid="batch-status">
              <StatusBadge entity="batch" status={batch.status} />
            </span>
            <span className="text-sm text-slate-600">{t(`kind.${batch.kind}`)}</span>
            {batch.isDemo ? <span className="text-xs text-amber-800">{t("common.demo")}</span> : null}
          </>
        }
      />
      <nav aria-label={t("tabs.label")}>
        <ul className="flex flex-wrap gap-1 border-b border-slate-300">
          {tabs.map(([key, suffix]) => (
            <li key={key}>
              <Link
                href={`/console/selection/batches/${batch.id}${suffix}`}
                aria-current={current === key ? "page" : undefined}
                className={`block rounded-t px-3 py-2 text-sm ${current === key ? "border border-b-white border-slate-300 bg-white font-semibold" : "hover:bg-slate-200"}`}
              >
                {t(`tabs.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
