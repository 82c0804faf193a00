-- Trigram indexes for name search (written by hand: the extension is not declared in schema.prisma).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "searchGrams" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- ───────────── Written by hand (Prisma cannot express functions and triggers; its drift check ignores them) ─────────────

-- The one DataVersion row.
INSERT INTO "DataVersion" ("id", "version", "changedAt") VALUES (1, 0, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING;

-- Name search columns of School, kept by a trigger from the names themselves:
--   "searchText"  every name of the school (Chinese, English, alternative, former), one per line;
--                 trigram-indexed, so ILIKE '%q%' uses the index for queries of 3 or more characters;
--   "searchGrams" every 1- and 2-character piece of those names, lower case (no whitespace);
--                 GIN-indexed, so a 1–2 character query ("广州", "汽") is an index lookup too.
CREATE FUNCTION registry_school_search_text(name_zh text, name_en text, alt_names text[], former_names text[])
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_to_string(ARRAY[name_zh, name_en] || coalesce(alt_names, '{}') || coalesce(former_names, '{}'), E'\n')
$$;

CREATE FUNCTION registry_school_search_grams(name_zh text, name_en text, alt_names text[], former_names text[])
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g ORDER BY g), '{}')
  FROM (
    SELECT substr(lower(n), i, len) AS g
    FROM unnest(ARRAY[name_zh, name_en] || coalesce(alt_names, '{}') || coalesce(former_names, '{}')) AS n,
         generate_series(1, char_length(n)) AS i,
         (VALUES (1), (2)) AS l(len)
    WHERE n IS NOT NULL AND i + len - 1 <= char_length(n)
  ) pieces
  WHERE g !~ '\s'
$$;

CREATE FUNCTION registry_school_search_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := registry_school_search_text(NEW."nameZh", NEW."nameEn", NEW."altNames", NEW."formerNames");
  NEW."searchGrams" := registry_school_search_grams(NEW."nameZh", NEW."nameEn", NEW."altNames", NEW."formerNames");
  RETURN NEW;
END
$$;

CREATE TRIGGER "School_search_fill" BEFORE INSERT OR UPDATE OF "nameZh", "nameEn", "altNames", "formerNames" ON "School"
  FOR EACH ROW EXECUTE FUNCTION registry_school_search_fill();

UPDATE "School" SET
  "searchText" = registry_school_search_text("nameZh", "nameEn", "altNames", "formerNames"),
  "searchGrams" = registry_school_search_grams("nameZh", "nameEn", "altNames", "formerNames");

-- DataVersion rises once per committed transaction that changed public data. The triggers are
-- deferred to commit time, so the row is locked only for the moment of the commit (writers do not
-- queue behind a long import), and readers never see a new version before the data it stands for.
-- A bulk loader may skip them for its own session: SET registry.bulk_load = 'on' (then bump once).
CREATE FUNCTION registry_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('registry.data_version_bumped', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('registry.data_version_bumped', 'on', true);
  UPDATE "DataVersion" SET "version" = "version" + 1, "changedAt" = clock_timestamp() WHERE "id" = 1;
  RETURN NULL;
END
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Authority', 'Division', 'School', 'SchoolChange', 'MajorCatalogEdition', 'MajorCategory', 'Major',
    'SchoolMajor', 'Designation', 'SelectionBatch', 'SelectionApplication', 'SelectionDecision', 'OpenDataRelease'] LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW '
      'WHEN (current_setting(''registry.bulk_load'', true) IS DISTINCT FROM ''on'') EXECUTE FUNCTION registry_bump_data_version()',
      t || '_data_version', t);
  END LOOP;
END
$$;

-- Audit events feed the public history, "as of" views and the change feed: only those of public entities count.
CREATE CONSTRAINT TRIGGER "AuditEvent_data_version" AFTER INSERT ON "AuditEvent" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW."entityType" IN ('School', 'SchoolMajor', 'Designation') AND current_setting('registry.bulk_load', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION registry_bump_data_version();

-- CreateIndex
CREATE INDEX "School_searchText_idx" ON "School" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "School_searchGrams_idx" ON "School" USING GIN ("searchGrams");

-- CreateIndex
CREATE INDEX "School_authorityId_namePinyin_nameZh_id_idx" ON "School"("authorityId", "namePinyin", "nameZh", "id");
