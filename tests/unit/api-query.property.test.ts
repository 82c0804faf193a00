import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { translator } from "@/lib/opendata/messages";
import { MAX_RAW_PARAM_LENGTH, parseQuery } from "@/lib/opendata/query";
import { changesQuerySchema, designationsQuerySchema, majorsQuerySchema, schoolQuerySchema, schoolsQuerySchema } from "@/lib/opendata/schemas/query";
import { parsePublicSearch, parsePublicSearchLenient, publicSchoolSearchSchema, publicSearchQuery, PUBLIC_Q_MAX } from "@/lib/public/search-schema";
import { DANGEROUS_KEYS, hostileString, prototypePolluted, VALIDATION_KEYS } from "@/tests/support/hostile-input";

/**
 * The open-data API's query parsing (one schema per route, shared with the OpenAPI document and
 * the public search page) under hostile query strings: never a throw; a refusal names each
 * offending parameter with a message in the reader's language; an acceptance is a valid, normalised
 * value of the schema.
 */
const en = translator("en");
const routes: [string, z.ZodObject][] = [
  ["/api/v1/schools", schoolsQuerySchema],
  ["/api/v1/schools/{id}", schoolQuerySchema],
  ["/api/v1/majors", majorsQuerySchema],
  ["/api/v1/designations", designationsQuerySchema],
  ["/api/v1/changes", changesQuerySchema],
];
const API_KEYS = new Set([...VALIDATION_KEYS, "unknownParameter", "unknownValue", "malformedId", "dateTime", "cursor"]);

/** A query string: known names (sometimes repeated), dangerous names, hostile values. */
function query(names: string[]) {
  return fc
    .array(
      fc.tuple(
        fc.constantFrom(...names, ...names, ...DANGEROUS_KEYS, "__proto__[admin]", "constructor.prototype.x"),
        hostileString.filter((s) => s.length < 3000),
      ),
      { maxLength: 6 },
    )
    .map((pairs) => {
      const sp = new URLSearchParams();
      for (const [k, v] of pairs) sp.append(k, v);
      return sp;
    });
}

describe("open-data API query parameters", () => {
  for (const [route, schema] of routes) {
    const names = Object.keys(schema.shape);
    it(`${route}: any query string is parsed or refused by name — never a throw`, () => {
      fc.assert(
        fc.property(query(names), (sp) => {
          const url = new URL(`http://registry.test/x?${sp.toString()}`);
          const r = parseQuery(url, schema, en);
          if (r.ok) {
            // Accepted values are the schema's own and survive a second parse unchanged.
            for (const k of Object.keys(r.value)) expect(names).toContain(k);
            for (const [k, v] of sp.entries()) if (names.includes(k)) expect(v.length).toBeLessThanOrEqual(MAX_RAW_PARAM_LENGTH);
            return;
          }
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) {
            expect(p.name.length).toBeLessThanOrEqual(60);
            expect([...sp.keys()].some((k) => k.startsWith(p.name)) || names.includes(p.name) || p.name === "_query").toBe(true);
            expect(API_KEYS, `${route} ${p.name}: ${p.key}`).toContain(p.key);
            expect(p.message).not.toMatch(/^(validation|opendata)\./); // a sentence, not a raw key
          }
          expect(prototypePolluted()).toBe(false);
        }),
        { numRuns: 150 },
      );
    });
  }

  it("counterexample kept: ?q=%00 was accepted and reached PostgreSQL (22021 → 500); it is a named 400 now", () => {
    const r = parseQuery(new URL("http://registry.test/api/v1/schools?q=%00"), schoolsQuerySchema, en);
    expect(r).toMatchObject({ ok: false, problems: [{ name: "q", key: "controlCharacter" }] });
  });
});

describe("public search page (lenient parse)", () => {
  it("property: whatever the query, the page gets valid filters; a search term is trimmed, short and free of control characters", () => {
    const names = Object.keys(publicSchoolSearchSchema.shape);
    fc.assert(
      fc.property(query(names), (sp) => {
        const { filters, invalid } = parsePublicSearchLenient(sp);
        // Valid filters: written back to a URL (the page's links), they parse to the same filters.
        // (A blank term, "q= ", parses to "" — searched as no term, and left out of links.)
        const again = parsePublicSearch(new URLSearchParams(publicSearchQuery(filters)));
        const blankQ = <T extends { q?: string }>(f: T) => ({ ...f, q: f.q || undefined });
        expect(again.ok).toBe(true);
        if (again.ok) expect(blankQ(again.filters)).toEqual(blankQ(filters));
        if (filters.q !== undefined) {
          expect(filters.q).toBe(filters.q.trim());
          expect(filters.q.length).toBeLessThanOrEqual(PUBLIC_Q_MAX);
          expect(filters.q).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        }
        for (const k of invalid) expect(names).toContain(k);
      }),
      { numRuns: 200 },
    );
  });
});
