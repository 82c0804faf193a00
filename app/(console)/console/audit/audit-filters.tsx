import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AuditFilter } from "@/lib/audit/schema";

/** A GET form: every filtered view has a URL (and the export link carries the same query). */
export async function AuditFilters({
  filter,
  entityTypes,
  authorities,
}: {
  filter: AuditFilter;
  entityTypes: string[];
  authorities: { id: string; name: string }[];
}) {
  const t = await getTranslations("audit.filters");
  const input = "mt-1 w-full rounded border border-slate-300 px-3 py-2";
  const text = (name: "actor" | "action" | "entityId", hint?: string) => (
    <div>
      <label htmlFor={`f-${name}`} className="block text-sm font-medium">
        {t(name)}
      </label>
      <input id={`f-${name}`} name={name} defaultValue={filter[name] ?? ""} className={input} aria-describedby={hint ? `f-${name}-hint` : undefined} />
      {hint ? (
        <p id={`f-${name}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
  return (
    <form method="get" className="rounded-lg border border-slate-200 bg-white p-3">
      <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-2 font-semibold">{t("legend")}</legend>
        {text("actor", t("actorHint"))}
        {text("action", t("actionHint"))}
        <div>
          <label htmlFor="f-entityType" className="block text-sm font-medium">
            {t("entityType")}
          </label>
          <input id="f-entityType" name="entityType" list="entity-types" defaultValue={filter.entityType ?? ""} className={input} />
          <datalist id="entity-types">
            {entityTypes.map((e) => (
              <option key={e} value={e} />
            ))}
          </datalist>
        </div>
        {text("entityId")}
        <div>
          <label htmlFor="f-authorityId" className="block text-sm font-medium">
            {t("authority")}
          </label>
          <select id="f-authorityId" name="authorityId" defaultValue={filter.authorityId ?? ""} className={input}>
            <option value="">{t("anyAuthority")}</option>
            {authorities.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-from" className="block text-sm font-medium">
            {t("from")}
          </label>
          <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} className={input} />
        </div>
        <div>
          <label htmlFor="f-to" className="block text-sm font-medium">
            {t("to")}
          </label>
          <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} className={input} />
        </div>
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t("apply")}
          </button>
          <Link href="/console/audit" className="text-sm text-brand-700 underline">
            {t("reset")}
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
