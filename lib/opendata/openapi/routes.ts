import { z } from "zod";
import { verifyStatusQuerySchema } from "@/lib/verify/status";
import { verifyQuerySchema } from "@/lib/verify/validity";
// Registers the MajorChanges component the majors route answers with (by id, below).
import "../schemas/major-changes";
import { changesQuerySchema, designationsQuerySchema, majorsQuerySchema, releasesQuerySchema, schoolQuerySchema, schoolsQuerySchema } from "../schemas/query";

/**
 * Every GET route of the open-data API with the schema its handler parses: the OpenAPI document's
 * paths are generated from this table, and the contract test checks that it covers every route
 * file under app/api/v1 and app/feeds.
 */
export type RouteDoc = {
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: "Schools" | "Catalogue" | "Changes" | "Releases" | "Feeds" | "Verification" | "Meta";
  query?: z.ZodObject;
  pathParams?: { name: string; description: string; pattern?: string; maxLength?: number }[];
  /** Component name of the 200 JSON body; "csv" adds text/csv; other content types by name. */
  ok: { schema?: string; csv?: boolean; contentType?: string; description: string; changes?: string };
  errors: (400 | 404 | 429 | 503)[];
  cacheSeconds?: number;
};

const std = [400, 429, 503] as const;
const noQuery = z.object({});
const verifyCodeParam = { name: "code", description: "The school's public code (8 characters, check character included)", maxLength: 32 };

export const ROUTES: RouteDoc[] = [
  {
    path: "/api/v1/schools",
    operationId: "listSchools",
    summary: "Search schools",
    description:
      "The public search: Chinese names (partial), pinyin (full or initials), filters, sort, pages of 1–100. " +
      "With changedSince or cursor: the schools changed since (those that left the register as tombstones) and nextCursor to poll on — see docs/api.md.",
    tag: "Schools",
    query: schoolsQuerySchema,
    ok: { schema: "SchoolList", changes: "SchoolChanges", csv: true, description: "One page of schools, or (changedSince / cursor) the changes since" },
    errors: [...std],
  },
  {
    path: "/api/v1/schools/{id}",
    operationId: "getSchool",
    summary: "One school's public record",
    description: "By registry id or public code. With asOf, the record as it stood at the end of that day.",
    tag: "Schools",
    query: schoolQuerySchema,
    pathParams: [{ name: "id", description: "Registry id or public code (e.g. 7KQ2M9XH)", pattern: "^[A-Za-z0-9_-]{1,40}$", maxLength: 40 }],
    ok: { schema: "School", description: "The school" },
    errors: [400, 404, 429, 503],
  },
  {
    path: "/api/v1/majors",
    operationId: "getMajorCatalogue",
    summary: "The major catalogue (专业目录)",
    description:
      "Categories and majors of the current edition, or of a named edition. Codes are opaque strings. " +
      "With changedSince or cursor: the majors schools offer that changed since (withdrawn ones as tombstones) and nextCursor.",
    tag: "Catalogue",
    query: majorsQuerySchema,
    ok: {
      schema: "MajorCatalogue",
      changes: "MajorChanges",
      csv: true,
      description: "The catalogue (CSV: one row per major), or (changedSince / cursor) the offered majors changed since",
    },
    errors: [...std],
  },
  {
    path: "/api/v1/designations",
    operationId: "listDesignations",
    summary: "Designations of schools",
    description:
      "Quality schools and majors, evaluation organisations, key schools, bases — with validity dates. " +
      "With changedSince or cursor: the designations changed since (revoked ones as tombstones) and nextCursor.",
    tag: "Schools",
    query: designationsQuerySchema,
    ok: {
      schema: "DesignationList",
      changes: "DesignationChanges",
      csv: true,
      description: "One page of designations, or (changedSince / cursor) the changes since",
    },
    errors: [...std],
  },
  {
    path: "/api/v1/changes",
    operationId: "listChanges",
    summary: "Public changes since an instant",
    description:
      "Edits of public fields of schools, their majors and designations, and official dated changes, oldest first. " +
      "Poll with the `at` of the last entry seen as the next `since` (entries at exactly that instant repeat: skip known ids).",
    tag: "Changes",
    query: changesQuerySchema,
    ok: { schema: "ChangeList", csv: true, description: "One page of changes" },
    errors: [...std],
  },
  {
    path: "/api/v1/releases",
    operationId: "listReleases",
    summary: "Open-data releases",
    description: "Dated full snapshots (CSV and JSON) with manifests and changelogs, newest first.",
    tag: "Releases",
    query: releasesQuerySchema,
    ok: { schema: "ReleaseList", description: "Every release" },
    errors: [...std],
  },
  {
    path: "/api/v1/releases/{slug}/{file}",
    operationId: "getReleaseFile",
    summary: "Download one file of a release",
    tag: "Releases",
    pathParams: [
      { name: "slug", description: "Release name, YYYY-MM-DD-n", pattern: "^\\d{4}-\\d{2}-\\d{2}-\\d{1,3}$" },
      { name: "file", description: "File name as listed in the release's manifest (e.g. schools.csv, manifest.json)" },
    ],
    ok: { contentType: "application/octet-stream", description: "The file, byte for byte as listed in the manifest (sha256)" },
    errors: [404, 429, 503],
    cacheSeconds: 86400,
  },
  {
    path: "/api/v1/verify/{code}",
    operationId: "verifySchool",
    summary: "Verify a school by its public code (signed)",
    description:
      "The school's current status and valid designations at the time of the check, signed with Ed25519 over the canonical JSON of data. Never cached. " +
      "The signature proves what the registry said at checkedAt, not now: the snapshot carries a validity period (validUntil) and a digest for the live check at /api/v1/verify/{code}/status.",
    tag: "Verification",
    query: verifyQuerySchema,
    pathParams: [verifyCodeParam],
    ok: { schema: "SignedVerification", description: "Signed facts" },
    errors: [400, 404, 429, 503],
  },
  {
    path: "/api/v1/verify/{code}/status",
    operationId: "verifySchoolStatus",
    summary: "Is a saved verification still current?",
    description:
      "Compares a snapshot's digest with the school's facts now: current, or changed and which parts (name, tier, status, authority, designations) with their current values. " +
      "A live answer, not signed and not to be kept; revalidated on every use (Cache-Control: no-cache, ETag).",
    tag: "Verification",
    query: verifyStatusQuerySchema,
    pathParams: [verifyCodeParam],
    ok: { schema: "VerificationStatus", description: "Current or changed" },
    errors: [400, 404, 429, 503],
  },
  {
    path: "/api/v1/keys",
    operationId: "listKeys",
    summary: "Public keys that sign verifications (JWK set)",
    tag: "Verification",
    query: noQuery,
    ok: { schema: "KeySet", description: "Current key first" },
    errors: [429, 503],
  },
  {
    path: "/api/v1/keys/{file}",
    operationId: "getKeyPem",
    summary: "One public key as SPKI PEM",
    tag: "Verification",
    query: noQuery,
    pathParams: [{ name: "file", description: "verify.pem (the current key) or <keyId>.pem", pattern: "^[A-Za-z0-9_-]{1,40}\\.pem$" }],
    ok: { contentType: "application/x-pem-file", description: "SPKI PEM" },
    errors: [400, 404, 429, 503],
  },
  {
    path: "/api/v1/progress",
    operationId: "getProgress",
    summary: "Progress toward the programme targets (300 quality schools, 500 quality majors)",
    description: "Announced and in-process counts, overall, per authority, per tier and per batch. Takes no query parameters (any is a 400).",
    tag: "Meta",
    query: noQuery,
    ok: { contentType: "application/json", description: "Progress counts" },
    errors: [...std],
  },
  {
    path: "/api/v1/openapi.json",
    operationId: "getOpenApi",
    summary: "This document",
    tag: "Meta",
    ok: { contentType: "application/json", description: "OpenAPI 3.1 document" },
    errors: [429],
  },
  {
    path: "/feeds/changes.atom",
    operationId: "feedAll",
    summary: "Atom feed of all public changes",
    tag: "Feeds",
    ok: { contentType: "application/atom+xml", description: "Atom 1.0, the latest 50 changes" },
    errors: [429, 503],
  },
  {
    path: "/feeds/authorities/{file}",
    operationId: "feedAuthority",
    summary: "Atom feed of one authority's public changes",
    tag: "Feeds",
    pathParams: [{ name: "file", description: "<authority id>.atom, e.g. guangdong.atom", pattern: "^[a-z]{2,20}\\.atom$" }],
    ok: { contentType: "application/atom+xml", description: "Atom 1.0, the latest 50 changes" },
    errors: [404, 429, 503],
  },
  {
    path: "/feeds/schools/{file}",
    operationId: "feedSchool",
    summary: "Atom feed of one school's public changes",
    tag: "Feeds",
    pathParams: [{ name: "file", description: "<school id or public code>.atom", pattern: "^[A-Za-z0-9_-]{1,40}\\.atom$" }],
    ok: { contentType: "application/atom+xml", description: "Atom 1.0, the latest 50 changes" },
    errors: [404, 429, 503],
  },
];
