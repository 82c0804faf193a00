import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import RouteError from "@/app/error";
import { RouteErrorTextsProvider } from "@/components/route-error-texts";
import { loadMessages } from "@/lib/i18n/catalog";
import { FULL_CATALOG_AREAS } from "@/lib/i18n/client-messages";

/**
 * The root layout sends the browser no catalog (no NextIntlClientProvider); the areas with forms
 * (FULL_CATALOG_AREAS) send the whole catalog from their own layouts. Every client component
 * reachable from any other page must therefore use no next-intl hook — without a provider it
 * throws, and the page shows its error boundary instead.
 */
const root = process.cwd();
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

describe("client messages", () => {
  it("the root layout sends no catalog: the error boundary gets its texts from the layout", () => {
    const layout = fs.readFileSync(path.join(root, "app/layout.tsx"), "utf8");
    expect(layout).not.toMatch(/NextIntlClientProvider/);
    const html = renderToStaticMarkup(
      createElement(
        RouteErrorTextsProvider,
        { texts: { title: "T", body: "B", retry: "R" } },
        createElement(RouteError, { error: new Error("x"), reset: () => {} }),
      ),
    );
    expect(html).toMatch(/<h1[^>]*>T<\/h1>/);
    expect(html).toMatch(/<p[^>]*>B<\/p>/);
    expect(html).toMatch(/<button[^>]*>R<\/button>/);
  });

  it("the error boundary's texts exist in both languages", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const outage = loadMessages(locale).outage as Record<string, string>;
      for (const key of ["errorTitle", "errorBody", "retry"]) expect(outage[key], `${locale} outage.${key}`).toBeTruthy();
    }
  });

  it("every full-catalog area has its layout with a provider of its own", () => {
    for (const area of FULL_CATALOG_AREAS) {
      const src = fs.readFileSync(path.join(root, area, "layout.tsx"), "utf8");
      expect(src, area).toMatch(/<NextIntlClientProvider>/);
    }
  });

  it("client components outside the full-catalog areas use no next-intl hook", () => {
    // What Next renders: the route segments' special files (everything else is reached by imports).
    const special = /^(page|layout|template|error|global-error|not-found|forbidden|unauthorized|loading|default)\.tsx$/;
    const entries = walk(path.join(root, "app")).filter((f) => !inFullArea(f) && special.test(path.basename(f)));
    const client = clientFiles(entries);
    expect(client.size).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const file of client) {
      const src = fs.readFileSync(file, "utf8");
      for (const m of src.matchAll(/\buse(?:Translations|Messages|Formatter|Locale|Now|TimeZone|Extracted)\(/g)) {
        problems.push(`${path.relative(root, file)}: ${m[0]}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
