import { getTranslations } from "next-intl/server";
import { SelectField, TextField } from "@/components/form-field";
import type { AuditFilter } from "@/lib/audit/schema";
import { FilterActions } from "@/components/filter-actions";

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
  return (
    <form method="get" className="rounded-lg border border-slate-200 bg-white p-3">
      <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-2 font-semibold">{t("legend")}</legend>
        <TextField name="actor" label={t("actor")} hint={t("actorHint")} defaultValue={filter.actor ?? ""} />
        <TextField name="action" label={t("action")} hint={t("actionHint")} defaultValue={filter.action ?? ""} />
        <TextField name="entityType" label={t("entityType")} suggestions={entityTypes} defaultValue={filter.entityType ?? ""} />
        <TextField name="entityId" label={t("entityId")} defaultValue={filter.entityId ?? ""} />
        <SelectField
          name="authorityId"
          label={t("authority")}
          defaultValue={filter.authorityId ?? ""}
          placeholder={t("anyAuthority")}
          options={authorities.map((authority) => ({ value: authority.id, label: authority.name }))}
        />
        <TextField name="from" label={t("from")} type="date" defaultValue={filter.from ?? ""} />
        <TextField name="to" label={t("to")} type="date" defaultValue={filter.to ?? ""} />
        <div className="flex items-end">
          <FilterActions apply={t("apply")} reset={{ href: "/console/audit", label: t("reset") }} />
        </div>
      </fieldset>
    </form>
  );
}
