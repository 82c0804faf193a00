/**
 * A measure's name in the reader's language, from its key and params (lib/quality/measures.ts):
 * the page's column headers, the drill-down title and the .xlsx header all say the same.
 */
type Translate = (key: string, params?: Record<string, string | number>) => string;
export type MeasureMeta = { key: string; params?: Record<string, string | number> };

export function measureLabel(t: Translate, m: MeasureMeta): string {
  const [kind] = m.key.split(".");
  const p = m.params ?? {};
  if (kind === "missing") return t("quality.measures.missing", { field: t(`schools.fields.${p.field}`) });
  if (kind === "below") return t("quality.measures.below", { tier: t(`enums.tier.${p.tier}`), field: t(`schools.fields.${p.field}`), min: p.min });
  if (kind === "confirmed") {
    const label = String(p.label);
    const quarter = /^(\d{4})Q(\d)$/.exec(label);
    return quarter ? t("quality.measures.confirmed.quarter", { year: quarter[1], q: quarter[2] }) : t(`quality.measures.confirmed.${label}`);
  }
  return t(`quality.measures.${m.key}`);
}
