import Link from "@/components/link";
import { getTranslations } from "next-intl/server";

const TABS = ["status", "tier", "rename", "merge", "majors"] as const;
export type ChangeTab = (typeof TABS)[number];

/** Title, current state and the links between a school's change pages. */
export async function ChangeHeader({
  school,
  active,
  title,
}: {
  school: { id: string; nameZh: string; publicCode: string; status: string; statusSince: string | null; tier: string };
  active: ChangeTab;
  title: string;
}) {
  const t = await getTranslations("lifecycle");
  const tEnums = await getTranslations("enums");
  return (
    <div className="space-y-3">
      <Link href={`/console/schools/${school.id}`} className="text-sm text-brand-700 underline">
        ← {t("backToSchool")}
      </Link>
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="text-slate-700">
          <span className="font-medium" data-testid="school-name">
            {school.nameZh}
          </span>{" "}
          <span className="text-slate-500">({school.publicCode})</span>
        </p>
        <p className="text-sm text-slate-600" data-testid="current-state">
          {t("currentState", {
            tier: tEnums(`tier.${school.tier}`),
            status: tEnums(`status.${school.status}`),
            since: school.statusSince ?? t("unknownDate"),
          })}
        </p>
      </div>
      <nav aria-label={t("changeNav")}>
        <ul className="flex flex-wrap gap-2 text-sm">
          {TABS.map((tab) => (
            <li key={tab}>
              <Link
                href={`/console/schools/${school.id}/${tab}`}
                aria-current={tab === active ? "page" : undefined}
                className={`block rounded border px-3 py-1 ${tab === active ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 hover:bg-slate-100"}`}
              >
                {t(`tabs.${tab}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
