import type pg from "pg";

/**
 * Finished (announced) selection batches over the benchmark schools: 2022–2024, one for quality
 * schools and one for quality majors each year, with indicators, applications (half designated,
 * the rest not selected or not recommended), two experts' reviews with scores, decisions, and
 * the national designations the announcements created.
 */
type Bulk = (pool: pg.Pool, sql: string, params: unknown[]) => Promise<number>;

const YEARS = [2022, 2023, 2024];
const KINDS = [
  { kind: "SCHOOL", label: "优质技工院校", en: "Quality technical schools", target: 100, every: 7, designation: "QUALITY_SCHOOL" },
  { kind: "MAJOR", label: "优质专业", en: "Quality majors", target: 170, every: 4, designation: "QUALITY_MAJOR" },
] as const;

const BATCH_SQL = `
INSERT INTO "SelectionBatch" ("id", "year", "nameZh", "nameEn", "kind", "status", "targetCount", "eligibleTiers", "eligibleStatuses",
  "defaultQuota", "windowOpensAt", "windowClosesAt", "noticeDays", "minExperts", "cutLine", "noticeStartsAt", "noticeEndsAt",
  "announcedAt", "documentNo", "isDemo", "updatedAt")
VALUES ($1, $2, $3, $4, $5::"SelectionKind", 'ANNOUNCED', $6, ARRAY['TECHNICIAN_COLLEGE', 'SENIOR_TECHNICAL_SCHOOL']::"SchoolTier"[],
  ARRAY['OPERATING']::"SchoolStatus"[], 0, make_timestamp($2, 3, 1, 0, 0, 0), make_timestamp($2, 4, 30, 0, 0, 0), 5, 2, 70,
  make_timestamp($2, 9, 1, 2, 0, 0), make_timestamp($2, 9, 6, 2, 0, 0), make_timestamp($2, 9, 20, 2, 0, 0),
  '人社部函〔' || $2 || '〕' || (100 + $2 % 50) || '号', true, now())
ON CONFLICT DO NOTHING`;

const INDICATORS_SQL = `
INSERT INTO "SelectionIndicator" ("id", "batchId", "code", "nameZh", "nameEn", "weight", "maxScore", "sortOrder")
SELECT $1 || '-i' || k, $1, 'I' || k, (ARRAY['办学条件', '教学质量', '校企合作', '社会服务'])[k],
  (ARRAY['Conditions', 'Teaching quality', 'Industry cooperation', 'Social service'])[k], (ARRAY[30, 30, 20, 20])[k], 100, k
FROM generate_series(1, 4) k ON CONFLICT DO NOTHING`;

// $1 batch id, $2 year, $3 kind, $4 one school in $4 applies.
const APPLICATIONS_SQL = `
WITH s AS (
  SELECT "id", "authorityId", ((hashtext("id" || ($2::int)::text || $3::text)) & 2147483647) AS h FROM "School"
  WHERE "id" LIKE 'bench-%' AND "status" = 'OPERATING' AND "tier" IN ('TECHNICIAN_COLLEGE', 'SENIOR_TECHNICAL_SCHOOL')
)
INSERT INTO "SelectionApplication" ("id", "batchId", "schoolId", "schoolMajorId", "authorityId", "status", "selfAssessment",
  "provinceRank", "submittedAt", "recommendedAt", "isDemo", "createdAt", "updatedAt")
SELECT $1 || '-' || s.id, $1, s.id, CASE WHEN $3 = 'MAJOR' THEN s.id || '-m1' END, s."authorityId",
  (CASE WHEN (s.h / $4) % 10 < 5 THEN 'DESIGNATED' WHEN (s.h / $4) % 10 < 8 THEN 'NOT_SELECTED' ELSE 'NOT_RECOMMENDED' END)::"SelectionApplicationStatus",
  '{}'::jsonb, CASE WHEN (s.h / $4) % 10 < 8 THEN 1 + (s.h % 40)::int END, make_timestamp($2, 4, 20, 2, 0, 0),
  CASE WHEN (s.h / $4) % 10 < 8 THEN make_timestamp($2, 5, 20, 2, 0, 0) END, true, make_timestamp($2, 4, 1, 2, 0, 0), now()
FROM s WHERE s.h % $4 = 0`;

const REVIEWS_SQL = `
WITH e AS (SELECT array_agg("id" ORDER BY "username") AS ids FROM (SELECT "id", "username" FROM "User" WHERE "role" = 'EXPERT' ORDER BY "username" LIMIT 2) x)
INSERT INTO "ReviewAssignment" ("id", "applicationId", "expertId", "status", "assignedAt", "submittedAt")
SELECT a."id" || '-r' || k, a."id", e.ids[k], 'SUBMITTED', make_timestamp($2, 6, 1, 2, 0, 0), make_timestamp($2, 7, 1, 2, 0, 0)
FROM "SelectionApplication" a CROSS JOIN e CROSS JOIN generate_series(1, 2) k
WHERE a."batchId" = $1 AND a."status" IN ('DESIGNATED', 'NOT_SELECTED')`;

const SCORES_SQL = `
INSERT INTO "ReviewScore" ("assignmentId", "indicatorId", "score")
SELECT r."id", i."id", CASE WHEN a."status" = 'DESIGNATED' THEN 75 ELSE 55 END + (hashtext(r."id" || i."code") & 2147483647) % 25
FROM "ReviewAssignment" r JOIN "SelectionApplication" a ON a."id" = r."applicationId" JOIN "SelectionIndicator" i ON i."batchId" = a."batchId"
WHERE a."batchId" = $1`;

const DECISIONS_SQL = `
INSERT INTO "SelectionDecision" ("applicationId", "selected", "reason", "finalScore", "rank", "decidedAt")
SELECT a."id", a."status" = 'DESIGNATED', CASE WHEN a."status" = 'DESIGNATED' THEN '综合评分达到入选线' ELSE '综合评分未达入选线' END,
  CASE WHEN a."status" = 'DESIGNATED' THEN 85 ELSE 62 END + (hashtext(a."id") & 2147483647) % 10, NULL, make_timestamp($2, 8, 20, 2, 0, 0)
FROM "SelectionApplication" a WHERE a."batchId" = $1 AND a."status" IN ('DESIGNATED', 'NOT_SELECTED')`;

const DESIGNATE_SQL = `
WITH d AS (
  INSERT INTO "Designation" ("id", "schoolId", "majorId", "kind", "level", "title", "batchLabel", "status", "startDate", "endDate",
    "documentNo", "issuer", "isDemo", "updatedAt")
  SELECT a."id" || '-des', a."schoolId", sm."majorId", $3::"DesignationKind", 'NATIONAL', NULL, ($2::int)::text || '年度',
    (CASE WHEN $2::int < 2023 THEN 'ACCEPTED' ELSE 'ACTIVE' END)::"DesignationStatus", make_date($2::int, 9, 20), make_date($2::int + 3, 9, 19),
    '人社部函〔' || $2::int || '〕' || (100 + $2::int % 50) || '号', '人力资源和社会保障部', true, now()
  FROM "SelectionApplication" a LEFT JOIN "SchoolMajor" sm ON sm."id" = a."schoolMajorId"
  WHERE a."batchId" = $1 AND a."status" = 'DESIGNATED'
  RETURNING "id"
)
UPDATE "SelectionApplication" a SET "designationId" = d."id" FROM d WHERE d."id" = a."id" || '-des'`;

export async function loadSelection(pool: pg.Pool, bulk: Bulk, now: Date): Promise<Record<string, number>> {
  const out = { batches: 0, applications: 0, reviewAssignments: 0, reviewScores: 0, decisions: 0, designations: 0 };
  for (const year of YEARS.filter((y) => y <= now.getUTCFullYear())) {
    for (const k of KINDS) {
      const id = `bench-batch-${year}-${k.kind.toLowerCase()}`;
      out.batches += await bulk(pool, BATCH_SQL, [id, year, `${year}年度${k.label}（基准测试数据）`, `${year} ${k.en} (benchmark data)`, k.kind, k.target]);
      await bulk(pool, INDICATORS_SQL, [id]);
      out.applications += await bulk(pool, APPLICATIONS_SQL, [id, year, k.kind, k.every]);
      out.reviewAssignments += await bulk(pool, REVIEWS_SQL, [id, year]);
      out.reviewScores += await bulk(pool, SCORES_SQL, [id]);
      out.decisions += await bulk(pool, DECISIONS_SQL, [id, year]);
      out.designations += await bulk(pool, DESIGNATE_SQL, [id, year, k.designation]);
    }
  }
  return out;
}
