import type { PrismaClient } from "../../lib/db/generated/client";
import type { SchoolTier, SelectionKind } from "../../lib/kernel/enums";
import { STARTER_INDICATORS } from "../../lib/selection/programme";
import { computeResults } from "../../lib/selection/results";
import { addDays } from "../../lib/kernel/dates";
import { openObjection, resolvedObjections } from "./objections";
import { int, rng, shuffle } from "./random";

/**
 * Demo selection batches, so the progress page shows real numbers on a fresh start:
 *  - "<Y-2>年度优质技工院校" (announced: ~40 designated 技师学院 across authorities, one selection
 *    removed by an upheld objection, one objection dismissed);
 *  - "<Y-2>年度优质专业" (announced: ~60 designated majors);
 *  - "<Y-1>年度优质专业" on public notice (公示: decided, the notice ends in five days) with one
 *    objection not yet answered (the ministry's inbox shows it);
 *  - "<Y>年度优质技工院校" in expert review (recommended applications, some reviews still open,
 *    including tasks for the demo experts);
 *  - "<Y>年度优质专业" taking applications.
 * Reads the demo register already seeded (schools, majors, experts). Idempotent: deterministic
 * ids; a batch that exists is left alone. Scores, document numbers and dates are illustrative.
 * Call: `await seedSelectionDemo(client, { now })` after seedDemo's transaction.
 */
export type SelectionSeedCounts = { selectionBatches: number; selectionApplications: number; selectionDesignations: number };

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
type Candidate = { schoolId: string; authorityId: string; tier: SchoolTier; schoolMajorId?: string; majorId?: string };
type Expert = { id: string; authorityId: string | null };

const ISSUER = "人力资源社会保障部";
const SEED_ACTOR = { actorId: null, actorLabel: "演示数据", source: "seed" };

export async function seedSelectionDemo(client: PrismaClient, opts: { now?: Date } = {}): Promise<SelectionSeedCounts> {
  const now = opts.now ?? new Date();
  const y = now.getUTCFullYear();
  const counts: SelectionSeedCounts = { selectionBatches: 0, selectionApplications: 0, selectionDesignations: 0 };
  const experts: Expert[] = await client.user.findMany({
    where: { role: "EXPERT", isDemo: true, disabled: false },
    orderBy: { username: "asc" },
    select: { id: true, authorityId: true },
  });
  const authorities = await client.authority.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true } });
  const order = authorities.map((a) => a.id);

  const colleges = await client.school.findMany({
    where: { isDemo: true, status: "OPERATING", tier: "TECHNICIAN_COLLEGE" },
    orderBy: { id: "asc" },
    select: { id: true, authorityId: true, tier: true },
  });
  const schoolCands = roundRobin(
    order,
    colleges.map((s) => ({ schoolId: s.id, authorityId: s.authorityId, tier: s.tier })),
    "school",
  );
  const offerings = await client.schoolMajor.findMany({
    where: {
      status: { in: ["FILED", "ENROLLING"] },
      school: { isDemo: true, status: "OPERATING", tier: { in: ["TECHNICIAN_COLLEGE", "SENIOR_TECHNICAL_SCHOOL"] } },
    },
    orderBy: { id: "asc" },
    select: { id: true, majorId: true, schoolId: true, school: { select: { authorityId: true, tier: true } } },
  });
  // One offering per school, so a school holds a given quality major at most once.
  const firstPerSchool = [...new Map(offerings.map((o) => [o.schoolId, o])).values()];
  const majorCands = roundRobin(
    order,
    firstPerSchool.map((o) => ({ schoolId: o.schoolId, authorityId: o.school.authorityId, tier: o.school.tier, schoolMajorId: o.id, majorId: o.majorId })),
    "major",
  );

  const announcedSchools = schoolCands.slice(0, 48);
  const plans: Plan[] = [
    {
      id: "demo-sel-school-announced",
      year: y - 2,
      kind: "SCHOOL",
      target: 40,
      phase: "announced",
      apps: announcedSchools,
      selected: 41,
      removeRank: 12,
      defaultQuota: 2,
    },
    {
      id: "demo-sel-major-announced",
      year: y - 2,
      kind: "MAJOR",
      target: 60,
      phase: "announced",
      apps: majorCands.slice(0, 70),
      selected: 60,
      defaultQuota: 3,
    },
    // On notice: majors of schools in no other major batch; about half selected, one objection open.
    { id: "demo-sel-major-notice", year: y - 1, kind: "MAJOR", target: 60, phase: "notice", apps: majorCands.slice(134, 150), selected: 8, defaultQuota: 3 },
    // The batch in review: colleges not designated by the announced batch.
    { id: "demo-sel-school-review", year: y, kind: "SCHOOL", target: 60, phase: "review", apps: schoolCands.slice(48, 80), selected: 0, defaultQuota: 2 },
    // The batch taking applications: about two majors per authority, one still a draft, one submitted and
    // awaiting the province's recommendation (the officers' inboxes show them with the closing date).
    { id: "demo-sel-major-apply", year: y, kind: "MAJOR", target: 80, phase: "applying", apps: majorCands.slice(70, 134), selected: 0, defaultQuota: 3 },
  ];
  for (const p of plans) {
    if (await client.selectionBatch.findUnique({ where: { id: p.id }, select: { id: true } })) continue;
    if (!p.apps.length) continue;
    const made = await client.$transaction((tx) => seedBatch(tx, p, experts, now), { timeout: 120_000, maxWait: 30_000 });
    counts.selectionBatches++;
    counts.selectionApplications += made.applications;
    counts.selectionDesignations += made.designations;
  }
  return counts;
}

type Plan = {
  id: string;
  year: number;
  kind: SelectionKind;
  target: number;
  phase: "announced" | "notice" | "review" | "applying";
  apps: Candidate[];
  selected: number;
  removeRank?: number;
  defaultQuota: number;
};

/** Candidates taken one authority at a time, so every authority is represented before any repeats. */
function roundRobin(order: string[], cands: Candidate[], key: string): Candidate[] {
  const r = rng(`selection:${key}`);
  const by = new Map(
    order.map((a) => [
      a,
      shuffle(
        r,
        cands.filter((c) => c.authorityId === a),
      ),
    ]),
  );
  const out: Candidate[] = [];
  for (let round = 0; out.length < cands.length; round++) {
    let took = false;
    for (const a of order) {
      const c = by.get(a)?.[round];
      if (c) {
        out.push(c);
        took = true;
      }
    }
    if (!took) break;
  }
  return out;
}

const clampHalf = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v * 2) / 2));

async function seedBatch(tx: Tx, p: Plan, experts: Expert[], now: Date) {
  const r = rng(`selection:${p.id}`);
  const label = `${p.year}年度${p.kind === "SCHOOL" ? "优质技工院校" : "优质专业"}`;
  const announced = p.phase === "announced";
  const notice = p.phase === "notice";
  // Reviews finished and decided: announced, or on notice now.
  const decided = announced || notice;
  const applying = p.phase === "applying";
  const opens = announced ? new Date(Date.UTC(p.year, 2, 1, 1)) : applying ? addDays(now, -10) : addDays(now, notice ? -100 : -75);
  const closes = announced ? new Date(Date.UTC(p.year, 3, 30, 9)) : applying ? addDays(now, 20) : addDays(now, notice ? -70 : -30);
  // On notice since two days before the seed ran, for the batch's seven days.
  const noticeStart = notice ? addDays(now, -2) : new Date(Date.UTC(p.year, 9, 10, 2));
  const noticeEnd = addDays(noticeStart, 7);
  const announcedAt = new Date(Date.UTC(p.year, 10, 1, 2));
  const documentNo = `人社部函〔${p.year}〕${int(r, 100, 199)}号（示例）`;
  await tx.selectionBatch.create({
    data: {
      id: p.id,
      year: p.year,
      nameZh: label,
      nameEn: `${p.year} quality ${p.kind === "SCHOOL" ? "technical schools" : "majors"} (demo)`,
      kind: p.kind,
      status: announced ? "ANNOUNCED" : notice ? "NOTICE" : applying ? "APPLYING" : "REVIEWING",
      targetCount: p.target,
      eligibleTiers: p.kind === "SCHOOL" ? ["TECHNICIAN_COLLEGE"] : ["TECHNICIAN_COLLEGE", "SENIOR_TECHNICAL_SCHOOL", "TECHNICAL_SCHOOL"],
      eligibleStatuses: ["OPERATING"],
      defaultQuota: p.defaultQuota,
      windowOpensAt: opens,
      windowClosesAt: closes,
      noticeDays: 7,
      // The batch under review: its reviews are due in ten days (the experts' and ministry's inboxes show it).
      reviewClosesAt: announced ? new Date(Date.UTC(p.year, 7, 31, 9)) : addDays(closes, applying ? 30 : 40),
      minExperts: 2,
      spreadThreshold: 15,
      isDemo: true,
      ...(decided ? { noticeStartsAt: noticeStart, noticeEndsAt: noticeEnd } : {}),
      ...(announced ? { announcedAt, documentNo } : {}),
    },
  });
  await tx.selectionIndicator.createMany({
    data: STARTER_INDICATORS.map((i, n) => ({ ...i, id: `${p.id}-i${n + 1}`, batchId: p.id, sortOrder: n + 1 })),
  });
  const indicators = STARTER_INDICATORS.map((i, n) => ({ id: `${p.id}-i${n + 1}`, code: i.code, weight: i.weight, maxScore: i.maxScore }));

  // Applications, ranked within each authority in the order drawn.
  const rankIn = new Map<string, number>();
  const apps = p.apps.map((c, n) => {
    const provinceRank = (rankIn.get(c.authorityId) ?? 0) + 1;
    rankIn.set(c.authorityId, provinceRank);
    const quality = 0.55 + r() * 0.4;
    return { ...c, id: `${p.id}-a${String(n + 1).padStart(3, "0")}`, provinceRank, quality };
  });
  // Taking applications: each authority's first major is a draft, the others submitted and not yet
  // recommended. Otherwise every application was recommended before the window closed.
  const draft = (a: (typeof apps)[number]) => applying && a.provinceRank === 1;
  await tx.selectionApplication.createMany({
    data: apps.map((a) => ({
      id: a.id,
      batchId: p.id,
      schoolId: a.schoolId,
      schoolMajorId: a.schoolMajorId ?? null,
      authorityId: a.authorityId,
      status: applying ? (draft(a) ? ("DRAFT" as const) : ("SUBMITTED" as const)) : ("RECOMMENDED" as const),
      selfAssessment: Object.fromEntries(indicators.map((i) => [i.code, { score: clampHalf((a.quality + 0.08) * i.maxScore, i.maxScore), note: "" }])),
      evidenceText: "（演示数据）申报材料概要。",
      provinceRank: applying ? null : a.provinceRank,
      submittedAt: draft(a) ? null : addDays(opens, applying ? 5 : 20),
      recommendedAt: applying ? null : addDays(closes, -2),
      isDemo: true,
    })),
  });
  if (applying) return { applications: apps.length, designations: 0 };
  const quotaNeeds = [...rankIn.entries()].filter(([, n]) => n > p.defaultQuota);
  if (quotaNeeds.length) await tx.selectionQuota.createMany({ data: quotaNeeds.map(([authorityId, n]) => ({ batchId: p.id, authorityId, quota: n })) });

  // Reviews: two or three experts without a conflict (never the applicant's own authority).
  const assignments: {
    id: string;
    applicationId: string;
    expertId: string;
    status: "ASSIGNED" | "SUBMITTED";
    scores: { indicatorId: string; score: number }[];
  }[] = [];
  apps.forEach((a, n) => {
    const free = shuffle(
      r,
      experts.filter((e) => e.authorityId !== a.authorityId),
    );
    const take = free.slice(0, announced && n % 3 === 0 ? 3 : 2);
    take.forEach((e, k) => {
      // In the batch under review about a third of the reviews are still open.
      const submitted = decided || (n + k) % 3 !== 0;
      const bias = (r() - 0.5) * 0.16;
      assignments.push({
        id: `${a.id}-r${k + 1}`,
        applicationId: a.id,
        expertId: e.id,
        status: submitted ? "SUBMITTED" : "ASSIGNED",
        scores: submitted
          ? indicators.map((i) => ({ indicatorId: i.id, score: clampHalf((a.quality + bias + (r() - 0.5) * 0.1) * i.maxScore, i.maxScore) }))
          : [],
      });
    });
  });
  await tx.reviewAssignment.createMany({
    data: assignments.map((x) => ({
      id: x.id,
      applicationId: x.applicationId,
      expertId: x.expertId,
      status: x.status,
      assignedAt: addDays(closes, 3),
      submittedAt: x.status === "SUBMITTED" ? addDays(closes, 15) : null,
      applicantFeedback: x.status === "SUBMITTED" ? "（演示）建议进一步加强校企合作与一体化课程建设。" : null,
    })),
  });
  await tx.reviewScore.createMany({ data: assignments.flatMap((x) => x.scores.map((s) => ({ assignmentId: x.id, ...s }))) });
  if (!decided) return { applications: apps.length, designations: 0 };

  const results = computeResults(
    indicators,
    15,
    apps.map((a) => ({ id: a.id, tier: a.tier, assignments: assignments.filter((x) => x.applicationId === a.id) })),
  );
  const ranked = [...results.values()].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.id.localeCompare(b.id));
  const cutLine = ranked[p.selected - 1]?.final ?? 0;
  await tx.selectionBatch.update({ where: { id: p.id }, data: { cutLine } });
  const removed = p.removeRank ? ranked[p.removeRank - 1]?.id : undefined;
  const decidedAt = addDays(noticeStart, -5);
  await tx.selectionDecision.createMany({
    data: ranked.map((x) => {
      const above = x.final !== null && x.final >= cutLine;
      return {
        applicationId: x.id,
        selected: above,
        reason: `综合得分 ${x.final?.toFixed(2)}，${above ? "达到" : "低于"}分数线 ${cutLine.toFixed(2)}`,
        finalScore: x.final,
        rank: x.rank,
        decidedAt,
        ...(x.id === removed ? { removedAt: addDays(noticeStart, 4), removedReason: "（演示）经核查，申报材料中实训设备总值与实际不符，取消入选资格。" } : {}),
      };
    }),
  });
  if (removed) await tx.selectionObjection.createMany({ data: resolvedObjections(p.id, removed, ranked[0].id, noticeStart) });
  if (notice) {
    // 公示 in progress: the decisions stand (selected / not selected), nothing is designated yet.
    const above = new Set(ranked.filter((x) => x.final !== null && x.final >= cutLine).map((x) => x.id));
    await tx.selectionApplication.updateMany({ where: { id: { in: [...above] } }, data: { status: "SELECTED" } });
    await tx.selectionApplication.updateMany({ where: { batchId: p.id, id: { notIn: [...above] } }, data: { status: "NOT_SELECTED" } });
    await tx.selectionObjection.create({ data: openObjection(p.id, ranked[0].id, noticeStart) });
    return { applications: apps.length, designations: 0 };
  }

  // Announcement: each remaining selection becomes a national designation on its school.
  const chosen = ranked.filter((x) => x.final !== null && x.final >= cutLine && x.id !== removed);
  const start = new Date(Date.UTC(p.year, 10, 1));
  const end = new Date(Date.UTC(p.year + 3, 9, 31));
  const kind = p.kind === "SCHOOL" ? ("QUALITY_SCHOOL" as const) : ("QUALITY_MAJOR" as const);
  const byId = new Map(apps.map((a) => [a.id, a]));
  const designations = chosen.map((x) => {
    const a = byId.get(x.id)!;
    return {
      id: `${x.id}-d`,
      schoolId: a.schoolId,
      majorId: a.majorId ?? null,
      kind,
      level: "NATIONAL" as const,
      title: kind === "QUALITY_SCHOOL" ? "国家级优质技工院校建设单位" : "国家级优质专业建设单位",
      batchLabel: label,
      status: "ACTIVE" as const,
      startDate: start,
      endDate: end,
      documentNo,
      issuer: ISSUER,
      isDemo: true,
    };
  });
  await tx.designation.createMany({ data: designations });
  const status = (id: string) => (id === removed ? "REMOVED" : chosen.some((c) => c.id === id) ? "DESIGNATED" : "NOT_SELECTED");
  for (const a of apps) {
    const s = status(a.id);
    await tx.selectionApplication.update({ where: { id: a.id }, data: { status: s, designationId: s === "DESIGNATED" ? `${a.id}-d` : null } });
  }
  // The designations' history, as the public "as of date" view reads it.
  await tx.auditEvent.createMany({
    data: designations.map((d) => ({
      id: `${d.id}-audit`,
      at: announcedAt,
      ...SEED_ACTOR,
      action: "designation.create",
      entityType: "Designation",
      entityId: d.id,
      authorityId: byId.get(d.id.slice(0, -2))!.authorityId,
      after: { ...d, startDate: d.startDate.toISOString().slice(0, 10), endDate: d.endDate.toISOString().slice(0, 10), batchId: p.id },
    })),
  });
  return { applications: apps.length, designations: designations.length };
}
