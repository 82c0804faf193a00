-- School names are stored in THE name normalisation (normaliseName, lib/validation/text.ts): NFKC —
-- Kangxi radicals, compatibility ideographs and full-width letters become the ordinary characters —
-- and, in a name holding Chinese characters, brackets in their full-width form. New names are
-- normalised by the schema (issue 12, finding 7); this brings the rows written before into the same
-- form, so the uniqueness check ("authorityId", "nameZh") and the search (the trigger recomputes
-- "searchText" and "searchGrams") compare like with like.
--
-- A Chinese name whose normalised form another school of the same authority already holds (or would
-- hold) is left as it is: the registry never merges two schools by itself. Find them with
--   SELECT "id", "authorityId", "nameZh" FROM "School" WHERE "nameZh" IS NOT NFKC NORMALIZED;
-- History rows (SchoolChange, AuditEvent) keep the names as they were written.
CREATE FUNCTION registry_normalise_name(n text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN normalize(n, NFKC) ~ '[㐀-鿿]|[𠀀-𿿽]' THEN translate(normalize(n, NFKC), '()', '（）')
    ELSE normalize(n, NFKC)
  END
$$;

CREATE FUNCTION registry_normalise_names(ns text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(registry_normalise_name(n) ORDER BY i), '{}') FROM unnest(ns) WITH ORDINALITY AS t(n, i)
$$;

UPDATE "School" s SET "nameZh" = registry_normalise_name(s."nameZh")
WHERE s."nameZh" <> registry_normalise_name(s."nameZh")
  AND NOT EXISTS (
    SELECT 1 FROM "School" o
    WHERE o."authorityId" = s."authorityId" AND o."id" <> s."id" AND registry_normalise_name(o."nameZh") = registry_normalise_name(s."nameZh")
  );

UPDATE "School" SET "nameEn" = registry_normalise_name("nameEn") WHERE "nameEn" <> registry_normalise_name("nameEn");

UPDATE "School" SET "altNames" = registry_normalise_names("altNames"), "formerNames" = registry_normalise_names("formerNames")
WHERE "altNames" <> registry_normalise_names("altNames") OR "formerNames" <> registry_normalise_names("formerNames");

DROP FUNCTION registry_normalise_names(text[]);
DROP FUNCTION registry_normalise_name(text);
