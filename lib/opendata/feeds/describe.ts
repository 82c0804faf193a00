import type { PublicChangeEntry } from "../changes/shape";
import type { ApiTranslator } from "../messages";

/**
 * A public change in words (Chinese by default): the feed entry's title ("深圳技师学院：更名") and
 * summary ("名称：A → B"). Enum values use the shared `enums` catalog; field names this feature's.
 */
const ENUM_OF: Record<string, Record<string, string>> = {
  School: { tier: "tier", status: "status", ownership: "ownership", sponsorType: "sponsorType" },
  SchoolMajor: { level: "level", startingPoint: "startingPoint", status: "schoolMajorStatus" },
  Designation: { kind: "designationKind", level: "designationLevel", status: "designationStatus" },
};

function value(t: ApiTranslator, entityType: string, field: string, v: unknown): string {
  if (v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) return "—";
  if (Array.isArray(v)) return v.map((x) => value(t, entityType, field, x)).join("、");
  const en = ENUM_OF[entityType]?.[field];
  if (en && typeof v === "string") {
    const key = `enums.${en}.${v}`;
    const text = t(key);
    return text === key ? v : text;
  }
  return typeof v === "string" ? v : JSON.stringify(v);
}

function label(t: ApiTranslator, key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

export function changeTitle(t: ApiTranslator, c: PublicChangeEntry): string {
  let what: string;
  if (c.change) what = label(t, `enums.changeKind.${c.change.kind}`, c.change.kind);
  else if (c.entityType === "School") what = label(t, `opendata.feed.action.${c.type.split(".").pop()}`, t("opendata.feed.action.other"));
  else what = t(`opendata.feed.entity.${c.entityType}`);
  return t("opendata.feed.entryTitle", { school: c.school.nameZh, what });
}

export function changeSummary(t: ApiTranslator, c: PublicChangeEntry): string {
  if (c.change) {
    const ch = c.change;
    const parts: string[] = [];
    if (ch.fromName || ch.toName) parts.push(`${t("opendata.fields.nameZh")}：${ch.fromName ?? "—"} → ${ch.toName ?? "—"}`);
    if (ch.fromTier || ch.toTier)
      parts.push(`${t("opendata.fields.tier")}：${value(t, "School", "tier", ch.fromTier)} → ${value(t, "School", "tier", ch.toTier)}`);
    if (ch.fromStatus || ch.toStatus)
      parts.push(`${t("opendata.fields.status")}：${value(t, "School", "status", ch.fromStatus)} → ${value(t, "School", "status", ch.toStatus)}`);
    parts.push(`${t("opendata.feed.effectiveDate")}：${ch.effectiveDate}`);
    if (ch.documentNo) parts.push(`${t("opendata.fields.documentNo")}：${ch.documentNo}`);
    return parts.join("；");
  }
  const fields = c.fields.map((f) => {
    const name = label(t, `opendata.fields.${f.name}`, f.name);
    return `${name}：${value(t, c.entityType, f.name, f.before)} → ${value(t, c.entityType, f.name, f.after)}`;
  });
  return fields.join("；") || t("opendata.feed.noDetail");
}
