import { loadMessages } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/i18n/config";
import * as enums from "@/lib/kernel/enums";
import { openApiDocument } from "../openapi/document";
import { ROUTES } from "../openapi/routes";
import { RELEASE_SCHEMA_VERSION } from "../releases/records";
import { apiFields, releaseFields, type FieldShape, type ReleaseCodes } from "./fields";

/**
 * THE data dictionary: every field of every open-data response schema and release file, with its
 * meaning in Chinese and English, its code list with labels, and the version it appeared in.
 * The fields come from the OpenAPI document (so from the same zod schemas); the meanings from the
 * catalogs' "dictionary" namespace, one text per field name (a name means one thing everywhere);
 * code labels from the "enums" namespace (the labels the pages show), else "dictionary.codes".
 * `since`: the zod schema's .meta({ "x-since": "<version>" }) when a field was added after 1.0.
 */
export const FIRST_VERSION = "1.0";

export type Label = { zh: string; en: string };
export type DictionaryField = Omit<FieldShape, "codes" | "since"> & Label & { since: string; codes: ({ code: string } & Label)[] | null };
export type DictionarySource = { source: string; kind: "api" | "release"; usedBy: string[]; fields: DictionaryField[] };
export type Dictionary = { apiVersion: string; releaseSchemaVersion: string; sources: DictionarySource[] };

const RELEASE_CODES: ReleaseCodes = {
  schools: {
    tier: enums.valuesOf(enums.SchoolTier),
    status: enums.valuesOf(enums.SchoolStatus),
    ownership: enums.valuesOf(enums.Ownership),
    sponsorType: enums.valuesOf(enums.SponsorType),
  },
  "school-majors": {
    level: enums.valuesOf(enums.TrainingLevel),
    startingPoint: enums.valuesOf(enums.StartingPoint),
    status: enums.valuesOf(enums.SchoolMajorStatus),
  },
  designations: { kind: enums.valuesOf(enums.DesignationKind), level: enums.valuesOf(enums.DesignationLevel), status: enums.valuesOf(enums.DesignationStatus) },
};
/** Release columns that are not text (JSON types; in CSV a list is joined with "|"). */
const RELEASE_TYPES = {
  altNames: "array<string>",
  formerNames: "array<string>",
  tierSince: "date",
  statusSince: "date",
  approvalDate: "date",
  establishedDate: "date",
  startDate: "date",
  endDate: "date",
  lastConfirmedAt: "date-time",
  years: "integer",
  isDemo: "boolean",
};

type Catalog = { fields?: Record<string, string>; codes?: Record<string, string> };
const catalogs = () => {
  const of = (l: Locale) => loadMessages(l) as { dictionary?: Catalog; enums?: Record<string, Record<string, string>> };
  return { zh: of("zh-CN"), en: of("en") };
};

/** The labels of a code list: the enum group of the catalog that holds every code, else dictionary.codes. */
function codeLabels(codes: string[], c: ReturnType<typeof catalogs>): ({ code: string } & Label)[] {
  const group = Object.keys(c.zh.enums ?? {}).find((g) => codes.every((code) => c.zh.enums?.[g]?.[code] && c.en.enums?.[g]?.[code]));
  return codes.map((code) => ({
    code,
    zh: (group ? c.zh.enums?.[group][code] : c.zh.dictionary?.codes?.[code]) ?? "",
    en: (group ? c.en.enums?.[group][code] : c.en.dictionary?.codes?.[code]) ?? "",
  }));
}

function describe(f: FieldShape, c: ReturnType<typeof catalogs>): DictionaryField {
  return {
    ...f,
    zh: c.zh.dictionary?.fields?.[f.name] ?? "",
    en: c.en.dictionary?.fields?.[f.name] ?? "",
    since: f.since ?? FIRST_VERSION,
    codes: f.codes ? codeLabels(f.codes, c) : null,
  };
}

function group(fields: DictionaryField[], kind: DictionarySource["kind"], usedBy: (source: string) => string[]): DictionarySource[] {
  const sources = [...new Set(fields.map((f) => f.source))];
  return sources.map((source) => ({ source, kind, usedBy: usedBy(source), fields: fields.filter((f) => f.source === source) }));
}

export function buildDictionary(): Dictionary {
  const doc = openApiDocument() as { info: { version: string }; components: { schemas: Record<string, Record<string, unknown>> } };
  const c = catalogs();
  const api = apiFields(doc.components.schemas).map((f) => describe(f, c));
  const release = releaseFields(RELEASE_CODES, RELEASE_TYPES).map((f) => describe(f, c));
  const routesOf = (schema: string) => ROUTES.filter((r) => r.ok.schema === schema).map((r) => `GET ${r.path}`);
  return {
    apiVersion: doc.info.version,
    releaseSchemaVersion: RELEASE_SCHEMA_VERSION,
    sources: [...group(api, "api", routesOf), ...group(release, "release", (s) => [`/api/v1/releases/{slug}/${s.split(" / ")[0]}`])],
  };
}
