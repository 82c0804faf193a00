import "server-only";
import { readDb } from "@/lib/db/client";
import { cachedPublicRead } from "@/lib/db/read-cache";
import { auditSide, publicFieldChanges } from "../fields";
import { endOfShanghaiDay } from "@/lib/kernel/dates";
import type { NameLabel, PublicActor, PublicHistoryEntry } from "../types";

/**
 * A school's public history from the audit trail: its own events and those of its majors and
 * designations, newest first, each reduced to public fields. Who acted is shown as a role and an
 * authority ("广东省 人社部门"), never a person; reasons typed by officers are not shown.
 */
const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
const REF_FIELDS = new Set(["authorityId", "divisionCode", "successorId"]);

/** Names for the authority, city and successor ids that appear in the events. */
async function referenceLabels(sides: Record<string, unknown>[]): Promise<Map<string, NameLabel>> {
  const ids = (f: string) => [...new Set(sides.map((s) => s[f]).filter((v): v is string => typeof v === "string" && v !== ""))];
  const [a, d, s] = [ids("authorityId"), ids("divisionCode"), ids("successorId")];
  const out = new Map<string, NameLabel>();
  if (a.length)
    for (const r of await readDb().authority.findMany({ where: { id: { in: a } }, select: { id: true, nameZh: true, nameEn: true } }))
      out.set(`authorityId:${r.id}`, r);
  if (d.length)
    for (const r of await readDb().division.findMany({ where: { code: { in: d } }, select: { code: true, nameZh: true, nameEn: true } }))
      out.set(`divisionCode:${r.code}`, r);
  if (s.length)
    for (const r of await readDb().school.findMany({ where: { id: { in: s } }, select: { id: true, nameZh: true, nameEn: true } }))
      out.set(`successorId:${r.id}`, r);
  return out;
}

type HistoryOptions = { until?: string | null; limit?: number };

/** Cached until public data changes (lib/db/read-cache.ts). */
export const getPublicSchoolHistory: (schoolId: string, opts?: HistoryOptions) => Promise<PublicHistoryEntry[]> = cachedPublicRead(
  "public.history",
  (schoolId: string, opts: HistoryOptions = {}) => historyUncached(schoolId, opts),
  (schoolId, opts = {}) => `${schoolId}:${opts.until ?? ""}:${opts.limit ?? ""}`,
);

async function historyUncached(schoolId: string, opts: HistoryOptions): Promise<PublicHistoryEntry[]> {
  const [majors, designations] = await Promise.all([
    readDb().schoolMajor.findMany({
      where: { schoolId },
      select: { id: true, level: true, major: { select: { code: true, nameZh: true, nameEn: true } } },
    }),
    readDb().designation.findMany({ where: { schoolId }, select: { id: true, kind: true, level: true } }),
  ]);
  const events = await readDb().auditEvent.findMany({
    where: {
      OR: [
        { entityType: "School", entityId: schoolId },
        { entityType: "SchoolMajor", entityId: { in: majors.map((m) => m.id) } },
        { entityType: "Designation", entityId: { in: designations.map((d) => d.id) } },
      ],
      ...(opts.until ? { at: { lt: endOfShanghaiDay(opts.until) } } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: opts.limit ?? 500,
    select: { id: true, at: true, action: true, entityType: true, entityId: true, actorId: true, authorityId: true, source: true, before: true, after: true },
  });

  const actorIds = [...new Set(events.map((e) => e.actorId).filter((v): v is string => Boolean(v)))];
  const users = actorIds.length ? await readDb().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, role: true, authorityId: true } }) : [];
  const authorityIds = [...new Set([...users.map((u) => u.authorityId), ...events.map((e) => e.authorityId)].filter((v): v is string => Boolean(v)))];
  const authorities = authorityIds.length
    ? await readDb().authority.findMany({ where: { id: { in: authorityIds } }, select: { id: true, nameZh: true, nameEn: true } })
    : [];
  const userById = new Map(users.map((u) => [u.id, u]));
  const authorityById = new Map(authorities.map((a) => [a.id, a]));
  const majorById = new Map(majors.map((m) => [m.id, m]));
  const designationById = new Map(designations.map((d) => [d.id, d]));

  const actorOf = (e: (typeof events)[number]): PublicActor => {
    const u = e.actorId ? userById.get(e.actorId) : undefined;
    if (u?.role === "MINISTRY_ADMIN" || u?.role === "MINISTRY_STAFF") return { kind: "ministry" };
    if (u?.role === "PROVINCE_OFFICER") return { kind: "province", authority: authorityById.get(u.authorityId ?? e.authorityId ?? "") ?? null };
    return { kind: "system" };
  };

  const labels = await referenceLabels(events.map((e) => [auditSide(e.before), auditSide(e.after)]).flat());
  const label = (field: string, v: unknown) => (typeof v === "string" && REF_FIELDS.has(field) ? (labels.get(`${field}:${v}`) ?? null) : undefined);

  return events.flatMap((e): PublicHistoryEntry[] => {
    const entityType = e.entityType as PublicHistoryEntry["entityType"];
    const changes = publicFieldChanges(entityType, e.before, e.after)
      // A create event lists every field: the empty ones say nothing.
      .filter((c) => !(e.action.endsWith(".create") && isEmpty(c.after)))
      .map(({ name: field, before, after }) => {
        const row = { field, before, after };
        return REF_FIELDS.has(field) ? { ...row, beforeLabel: label(field, before), afterLabel: label(field, after) } : row;
      });
    if (!changes.length) return [];
    const m = entityType === "SchoolMajor" ? majorById.get(e.entityId) : undefined;
    const d = entityType === "Designation" ? designationById.get(e.entityId) : undefined;
    const subject: PublicHistoryEntry["subject"] = m
      ? { kind: "major", code: m.major.code, nameZh: m.major.nameZh, nameEn: m.major.nameEn, level: m.level }
      : d
        ? { kind: "designation", designationKind: d.kind, level: d.level }
        : null;
    return [{ id: e.id, at: e.at.toISOString(), action: e.action, entityType, actor: actorOf(e), subject, changes }];
  });
}
