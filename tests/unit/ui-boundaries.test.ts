import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The UI's boundaries (issue 11, finding 9): the public site and the console share code only
 * through components/. A page or component under app/(public) never imports from app/(console)
 * and the reverse; components/ never imports from app/; and the top-level components/*.tsx know
 * no domain (views that both sides show and that know a domain live in components/<domain>/,
 * taking already-loaded data). Imports are read from the files as text and resolved like the
 * bundler does (the "@/" alias and relative paths).
 */
const root = process.cwd();
const PUBLIC = path.join(root, "app", "(public)");
const CONSOLE = path.join(root, "app", "(console)");
const APP = path.join(root, "app");
const COMPONENTS = path.join(root, "components");

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every module a file imports or re-exports (static and dynamic), as absolute paths where it is a project file. */
function importsOf(file: string, source = fs.readFileSync(file, "utf8")): string[] {
  const specifiers = [
    ...source.matchAll(/(?:import|export)\s[^"'`;]*?from\s+["']([^"']+)["']/g),
    ...source.matchAll(/import\s+["']([^"']+)["']/g),
    ...source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => match[1]);
  return specifiers.flatMap((spec) => {
    if (spec.startsWith("@/")) return [path.join(root, spec.slice(2))];
    if (spec.startsWith(".")) return [path.resolve(path.dirname(file), spec)];
    return [];
  });
}

const inside = (dir: string) => (target: string) => target === dir || target.startsWith(dir + path.sep);

/** "file → import" lines for every import of `from`'s files that lands where `forbidden` says. */
function crossings(from: string, forbidden: (target: string) => boolean): string[] {
  return walk(from).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((target) => `${path.relative(root, file)} → ${path.relative(root, target)}`),
  );
}

describe("UI boundaries", () => {
  it("reads imports the way the bundler resolves them", () => {
    const file = path.join(PUBLIC, "x", "form.tsx");
    const found = importsOf(
      file,
      `import { A } from "@/app/(console)/console/a";\nimport type { B } from "../../(console)/b";\nexport { C } from "./c";\nimport "@/components/d";\nconst e = import("@/lib/e");\nimport z from "zod";`,
    );
    expect(found.map((f) => path.relative(root, f))).toEqual(["app/(console)/console/a", "app/(console)/b", "app/(public)/x/c", "components/d", "lib/e"]);
    expect(found.filter(inside(CONSOLE))).toHaveLength(2);
  });

  it("no public page or component imports from the console", () => {
    expect(crossings(PUBLIC, inside(CONSOLE))).toEqual([]);
  });

  it("no console page or component imports from the public site", () => {
    expect(crossings(CONSOLE, inside(PUBLIC))).toEqual([]);
  });

  it("components/ never imports from app/", () => {
    expect(crossings(COMPONENTS, inside(APP))).toEqual([]);
  });

  it("the top-level components know no domain (only the catalogs' plumbing from lib/)", () => {
    const lib = path.join(root, "lib");
    const topLevel = fs
      .readdirSync(COMPONENTS, { withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
      .map((entry) => path.join(COMPONENTS, entry.name));
    const found = topLevel.flatMap((file) =>
      importsOf(file)
        .filter((target) => inside(lib)(target) && !inside(path.join(lib, "i18n"))(target))
        .map((target) => `${path.relative(root, file)} → ${path.relative(root, target)}`),
    );
    expect(found).toEqual([]);
  });

  it("app/ writes no form control by hand: every field comes from components/form-field.tsx or choice-field.tsx", () => {
    const found = walk(APP)
      .filter((file) => file.endsWith(".tsx"))
      .flatMap((file) => {
        const source = fs.readFileSync(file, "utf8");
        // Hidden inputs carry ids and versions (and a username for password managers): they are no fields.
        const controls = [...source.matchAll(/<(input|select|textarea|label)\b[^>]*/g)].filter(
          (match) => !/type="hidden"|\shidden(?=[\s/]|$|=\{)/.test(match[0]),
        );
        return controls.map((match) => `${path.relative(root, file)}: <${match[1]}>`);
      });
    expect(found).toEqual([]);
  });

  it("app/ and components/ write no table by hand: every table is components/data-table.tsx", () => {
    const own = path.join(COMPONENTS, "data-table.tsx");
    const found = [...walk(APP), ...walk(COMPONENTS)]
      .filter((file) => file.endsWith(".tsx") && file !== own)
      .flatMap((file) =>
        [...fs.readFileSync(file, "utf8").matchAll(/<(table|thead|tbody|tr|th|td)\b/g)].map((match) => `${path.relative(root, file)}: <${match[1]}>`),
      );
    expect(found).toEqual([]);
  });

  it("pages and components name their variables in words (no one-letter names but the translator t; no te/tc/terr…)", () => {
    const cryptic = new Set(["te", "tc", "ts", "tv", "tb", "terr", "fmt", "sa", "sp", "fd", "res", "cls", "aid", "uid", "el", "ev", "n2"]);
    // Route handlers are the HTTP edge's, not the UI's.
    const ui = [...walk(APP), ...walk(COMPONENTS)].filter((file) => !/[/\\]route\.ts$/.test(file));
    const found = ui.flatMap((file) => {
      const source = ts.createSourceFile(
        file,
        fs.readFileSync(file, "utf8"),
        ts.ScriptTarget.Latest,
        true,
        file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
      );
      const names: string[] = [];
      const visit = (node: ts.Node) => {
        // Declarations only (parameters of function types, e.g. `(page: number) => string`, are documentation).
        const declared = (ts.isParameter(node) && !ts.isFunctionTypeNode(node.parent)) || ts.isVariableDeclaration(node) || ts.isBindingElement(node);
        if (declared && ts.isIdentifier(node.name)) {
          const name = node.name.text;
          if ((name.length === 1 && name !== "t" && name !== "_") || cryptic.has(name)) names.push(`${path.relative(root, file)}: ${name}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      return names;
    });
    expect(found).toEqual([]);
  });
});
