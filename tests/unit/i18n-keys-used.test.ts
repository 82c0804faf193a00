import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { flattenKeys } from "@/lib/i18n/catalog";
import { defaultLocale } from "@/lib/i18n/config";

/**
 * Every literal key the code hands a translator (`t("…")`, `tCommon("…")`) names a message of the
 * default catalog: as a full key ("schoolPage.fields.nameZh") or, for a translator bound to a
 * namespace, as the end of one ("fields.nameZh"). A mistyped key renders as its own text and only
 * logs MISSING_MESSAGE on the server; this finds it before a user does. Keys built at run time
 * (template literals) are checked by the pages' tests.
 */
const root = process.cwd();
const messages = path.join(root, "lib/i18n/messages", defaultLocale);

function known(): Set<string> {
  const out = new Set<string>();
  for (const file of fs.readdirSync(messages).filter((f) => f.endsWith(".json"))) {
    const ns = file.replace(/\.json$/, "");
    for (const key of flattenKeys(JSON.parse(fs.readFileSync(path.join(messages, file), "utf8")), ns)) {
      // Every suffix of every key (and of its parents): what a namespaced translator may ask for.
      const parts = key.split(".");
      for (let end = parts.length; end > 0; end--) for (let start = 0; start < end; start++) out.add(parts.slice(start, end).join("."));
    }
  }
  return out;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "generated" || d.name === "messages" ? [] : sources(p);
    return /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

describe("translation keys used in the code", () => {
  it("each literal key exists in the default catalog", () => {
    const keys = known();
    const missing: string[] = [];
    for (const file of ["app", "components", "lib"].flatMap((d) => sources(path.join(root, d)))) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt(?:[A-Z]\w*)?\(\s*"([A-Za-z0-9_.]+)"/g)) {
        if (!keys.has(m[1])) missing.push(`${path.relative(root, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
