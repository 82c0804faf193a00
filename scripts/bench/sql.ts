/**
 * The bulk SQL of the benchmark data. Schools arrive as column arrays ($1 … $28, see
 * schoolParams in load.ts); the rest is derived from a batch of school ids ($1) with a stable
 * hash of each id, so the same scale always produces the same rows.
 */
export const SCHOOLS_SQL = `
INSERT INTO "School" ("id", "publicCode", "nameZh", "nameEn", "namePinyin", "nameInitials", "formerNames", "tier", "tierSince",
  "ownership", "sponsorType", "sponsorName", "authorityId", "divisionCode", "address", "uscc", "approvalDocNo", "approvalDate",
  "establishedDate", "status", "statusSince", "figuresYear", "fullTimeStudents", "trainingPersonTimes", "campusArea", "buildingArea",
  "equipmentValue", "teachers", "lastConfirmedAt", "isDemo", "createdAt", "updatedAt")
SELECT id, pc, zh, en, py, ini, CASE WHEN former IS NULL THEN '{}'::text[] ELSE ARRAY[former] END, tier::"SchoolTier", tier_since::date,
  own::"Ownership", sponsor::"SponsorType", NULL, auth, div, addr, uscc, doc, appr::date, est::date, st::"SchoolStatus", st_since::date,
  CASE WHEN fts IS NULL THEN NULL ELSE 2025 END, fts, tpt, campus, building, equipment, teachers, confirmed, true, created, created
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
  $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[],
  $21::int[], $22::int[], $23::int[], $24::int[], $25::int[], $26::int[], $27::timestamp[], $28::timestamp[])
  AS t(id, pc, zh, en, py, ini, former, tier, tier_since, own, sponsor, auth, div, addr, uscc, doc, appr, est, st, st_since,
       fts, tpt, campus, building, equipment, teachers, created, confirmed)`;

/** 6–14 majors per school (about 10), distinct majors of the current catalogue, levels by tier. */
export const SCHOOL_MAJORS_SQL = `
WITH m AS (
  SELECT array_agg(m."id" ORDER BY m."code") AS ids, count(*)::int AS n
  FROM "Major" m JOIN "MajorCatalogEdition" e ON e."id" = m."editionId" WHERE e."isCurrent"
), s AS (
  SELECT "id", "tier"::text AS tier, "status"::text AS status, "createdAt", (hashtext("id") & 2147483647) AS h FROM "School" WHERE "id" = ANY($1::text[])
)
INSERT INTO "SchoolMajor" ("id", "schoolId", "majorId", "level", "startingPoint", "years", "status", "createdAt", "updatedAt")
SELECT s.id || '-m' || k, s.id, m.ids[1 + ((s.h + k * 7) % m.n)],
  (CASE s.tier WHEN 'TECHNICIAN_COLLEGE' THEN (ARRAY['PRE_TECHNICIAN', 'ADVANCED', 'INTERMEDIATE'])[1 + k % 3]
               WHEN 'SENIOR_TECHNICAL_SCHOOL' THEN (ARRAY['ADVANCED', 'INTERMEDIATE'])[1 + k % 2]
               ELSE 'INTERMEDIATE' END)::"TrainingLevel",
  (CASE WHEN k % 2 = 0 THEN 'JUNIOR_SECONDARY' ELSE 'SENIOR_SECONDARY' END)::"StartingPoint",
  CASE WHEN k % 2 = 0 THEN 3 ELSE 2 END,
  (CASE WHEN s.status IN ('REVOKED', 'MERGED', 'TERMINATED', 'CONVERTED') THEN 'WITHDRAWN'
        WHEN s.status = 'PREPARING' THEN 'FILED'
        WHEN (s.h + k) % 23 = 0 THEN 'SUSPENDED' ELSE 'ENROLLING' END)::"SchoolMajorStatus",
  s."createdAt", s."createdAt"
FROM s CROSS JOIN m CROSS JOIN LATERAL generate_series(1, least(m.n, 6 + s.h % 9)) AS k`;

const day = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

/**
 * A year of audit history per school, by the audit convention: "school.create" with every
 * registrable field (as registered), a "school.update" of the annual figures a few months later,
 * and a "school.confirm" at lastConfirmedAt (when confirmed). Replaying them ends at the row.
 */
export const AUDIT_SQL = `
WITH s AS (
  SELECT *, (hashtext("id") & 2147483647) AS h FROM "School" WHERE "id" = ANY($1::text[])
), ev AS (
  SELECT s.id || '-a0' AS id, s."createdAt" AS at, 'school.create' AS action, s."id" AS entity, s."authorityId", NULL::jsonb AS before,
    jsonb_build_object(
      'publicCode', s."publicCode", 'nameZh', s."nameZh", 'nameEn', s."nameEn", 'altNames', to_jsonb(s."altNames"),
      'formerNames', to_jsonb(s."formerNames"), 'tier', s."tier", 'tierSince', ${day('s."tierSince"')}, 'ownership', s."ownership",
      'sponsorType', s."sponsorType", 'sponsorName', s."sponsorName", 'authorityId', s."authorityId", 'divisionCode', s."divisionCode",
      'address', s."address", 'website', s."website", 'uscc', s."uscc", 'approvalDocNo', s."approvalDocNo",
      'approvalDate', ${day('s."approvalDate"')}, 'establishedDate', ${day('s."establishedDate"')}, 'status', s."status",
      'statusSince', ${day('s."statusSince"')}, 'successorId', s."successorId", 'figuresYear', s."figuresYear" - 1,
      'fullTimeStudents', s."fullTimeStudents" - 40 - s.h % 300, 'trainingPersonTimes', s."trainingPersonTimes",
      'campusArea', s."campusArea", 'buildingArea', s."buildingArea", 'equipmentValue', s."equipmentValue", 'teachers', s."teachers",
      'majorCount', s."majorCount", 'contactName', s."contactName", 'contactPhone', s."contactPhone") AS after
  FROM s
  UNION ALL
  SELECT s.id || '-a1', s."createdAt" + make_interval(days => 30 + (s.h % 90)::int), 'school.update', s."id", s."authorityId",
    jsonb_build_object('figuresYear', s."figuresYear" - 1, 'fullTimeStudents', s."fullTimeStudents" - 40 - s.h % 300),
    jsonb_build_object('figuresYear', s."figuresYear", 'fullTimeStudents', s."fullTimeStudents")
  FROM s WHERE s."fullTimeStudents" IS NOT NULL
  UNION ALL
  SELECT s.id || '-a2', s."lastConfirmedAt", 'school.confirm', s."id", s."authorityId",
    jsonb_build_object('lastConfirmedAt', NULL, 'lastConfirmedById', NULL),
    jsonb_build_object('lastConfirmedAt', to_char(s."lastConfirmedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'lastConfirmedById', NULL)
  FROM s WHERE s."lastConfirmedAt" IS NOT NULL
)
INSERT INTO "AuditEvent" ("id", "at", "actorId", "actorLabel", "action", "entityType", "entityId", "authorityId", "before", "after", "source")
SELECT id, at, NULL, 'bench data', action, 'School', entity, "authorityId", before, after, 'import' FROM ev`;

/** Legacy designations (key school, bases, evaluation organisation) for one operating school in eight. */
export const DESIGNATIONS_SQL = `
WITH s AS (
  SELECT "id", "tier"::text AS tier, (hashtext("id") & 2147483647) AS h FROM "School" WHERE "id" = ANY($1::text[]) AND "status" = 'OPERATING'
), pick AS (
  SELECT s.*, (ARRAY['TRAINING_BASE', 'KEY_SCHOOL', 'EVALUATION_ORGANISATION', 'WORLDSKILLS_BASE', 'KEY_SCHOOL'])[1 + (s.h / 8) % 5] AS kind,
    (ARRAY['NATIONAL', 'NATIONAL', 'PROVINCIAL', 'NATIONAL', 'PROVINCIAL'])[1 + (s.h / 8) % 5] AS level
  FROM s WHERE s.h % 8 = 0
)
INSERT INTO "Designation" ("id", "schoolId", "kind", "level", "title", "batchLabel", "status", "startDate", "endDate", "documentNo",
  "issuer", "isDemo", "updatedAt")
SELECT p.id || '-d1', p.id, p.kind::"DesignationKind", p.level::"DesignationLevel", NULL, NULL, 'ACTIVE',
  make_date(2010 + (p.h % 14)::int, 1 + (p.h % 12)::int, 1 + (p.h % 28)::int),
  CASE WHEN p.kind = 'WORLDSKILLS_BASE' THEN make_date(2026, 12, 31) END,
  '人社部函〔' || (2010 + p.h % 14) || '〕' || (10 + p.h % 300) || '号', '人力资源和社会保障部', true, now()
FROM pick p`;
