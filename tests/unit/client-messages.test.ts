import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/catalog";
import { BASE_CLIENT_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";

/**
 * The root layout sends the browser only BASE_CLIENT_NAMESPACES; the areas with forms (listed below)
 * send the whole catalog from their own layouts — each has a layout.tsx that does. Every client component reachable from
 * any other page must therefore use only the base namespaces — a missing one would show a raw key.
 */
const root = process.cwd();
const FULL_CATALOG_AREAS = [
  "app/(public)/sign-in",
  "app/(public)/notices",
  "app/(public)/data",
  "app/(console)/console/schools/[id]",
  "app/(console)/console/schools/new",
  "app/(console)/console/selection",
  "app/(console)/console/imports",
  "app/(console)/console/accounts",
  "app/(console)/console/account",
  "app/(console)/console/security-policy",
  "app/(public)/schools/[id]/report",
  "app/(console)/console/error-reports",
  "app/(console)/console/campaign",
];

const inFullArea = (file: string) => FULL_CATALOG_AREAS.some((a) => file.startsWith(path.join(root, a) + path.sep));

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : /\.(tsx?)$/.test(d.name) ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}

const imports = (file: string, src: string) =>
  [...src.matchAll(/(?:import|export)\s[^"']*?from\s+["']([^"']+)["']/g)].map((m) => resolveImport(file, m[1])).filter((f): f is string => !!f);

/** Every client-side file (a "use client" file and what it imports) reachable from the given entries. */
function clientFiles(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const client = new Set<string>();
  const stack: [string, boolean][] = entries.map((e) => [e, false]);
  while (stack.length) {
    const [file, parentClient] = stack.pop()!;
    const src = fs.readFileSync(file, "utf8");
    const isClient = parentClient || /^\s*["']use client["']/.test(src);
    const id = `${file}|${isClient}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (isClient) client.add(file);
    for (const dep of imports(file, src)) if (!inFullArea(dep) || isClient) stack.push([dep, isClient]);
  }
  return client;
}

describe("client message namespaces", () => {
  it("picks namespaces and sub-namespaces", () => {
    const m = { a: { x: 1, y: { z: 2 } }, b: { c: 3 }, d: 4 };
    expect(pickMessages(m, ["a.y", "d", "missing"])).toEqual({ a: { y: { z: 2 } }, d: 4 });
  });

  it("the base namespaces exist in both languages", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const picked = pickMessages(loadMessages(locale), BASE_CLIENT_NAMESPACES);
      expect(Object.keys(picked).sort()).toEqual([...BASE_CLIENT_NAMESPACES].sort());
    }
  });

  it("every full-catalog area has its layout with a provider of its own", () => {
    for (const area of FULL_CATALOG_AREAS) {
      const src = fs.readFileSync(path.join(root, area, "layout.tsx"), "utf8");
      expect(src, area).toMatch(/<NextIntlClientProvider>/);
    }
  });

  it("client components outside the full-catalog areas use only the base namespaces", () => {
    // What Next renders: the route segments' special files (everything else is reached by imports).
    const special = /^(page|layout|template|error|global-error|not-found|forbidden|unauthorized|loading|default)\.tsx$/;
    const entries = walk(path.join(root, "app")).filter((f) => !inFullArea(f) && special.test(path.basename(f)));
    const client = clientFiles(entries);
    expect(client.size).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const file of client) {
      const src = fs.readFileSync(file, "utf8");
      for (const m of src.matchAll(/useTranslations\(\s*(?:["']([^"']*)["'])?\s*\)/g)) {
        const ns = m[1];
        const ok = ns !== undefined && BASE_CLIENT_NAMESPACES.some((b) => ns === b || ns.startsWith(`${b}.`));
        if (!ok) problems.push(`${path.relative(root, file)}: useTranslations(${ns === undefined ? "" : JSON.stringify(ns)})`);
      }
    }
    expect(problems).toEqual([]);
  });
});
