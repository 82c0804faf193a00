import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { flattenKeys } from "@/lib/i18n/catalog";
import { defaultLocale, locales } from "@/lib/i18n/config";

/** Both catalogs are complete: same namespace files, same keys, same {placeholders}. */
const root = path.join(process.cwd(), "lib/i18n/messages");
const other = locales.find((l) => l !== defaultLocale)!;

function namespaces(locale: string): string[] {
  return fs
    .readdirSync(path.join(root, locale))
    .filter((f) => f.endsWith(".json"))
    .sort();
}

function load(locale: string, file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(root, locale, file), "utf8"));
}

function leaf(obj: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
}

/**
 * ICU argument names: `{name}`, `{count, plural, …}`, `{d, date, long}` — including those nested in
 * plural/select branches, but not the branches' literal text (`other {schools}` is not an argument).
 */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  let i = 0;
  const skipSpace = () => {
    while (/\s/.test(message[i] ?? "")) i++;
  };
  const word = () => {
    skipSpace();
    const start = i;
    while (i < message.length && !/[\s,{}]/.test(message[i])) i++;
    return message.slice(start, i);
  };
  // Reads message text until an unmatched "}" (or the end), collecting arguments.
  const text = () => {
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "{") argument();
      else i++;
    }
  };
  const argument = () => {
    i++; // "{"
    const name = word();
    if (name) names.add(name);
    skipSpace();
    if (message[i] === ",") {
      i++;
      const type = word();
      skipSpace();
      if (message[i] === ",") i++;
      if (type === "plural" || type === "select" || type === "selectordinal") {
        // selector {branch} selector {branch} …
        for (;;) {
          skipSpace();
          if (i >= message.length || message[i] === "}") break;
          if (message[i] === "{") {
            i++;
            text();
            i++; // "}"
          } else word();
        }
      } else {
        while (i < message.length && message[i] !== "}") i++; // style, e.g. "long"
      }
    }
    i++; // "}"
  };
  text();
  return [...names].sort();
}

it("has both languages", () => {
  expect(locales).toEqual(expect.arrayContaining(["zh-CN", "en"]));
});

it("has the same namespace files in every language", () => {
  for (const locale of locales) expect(namespaces(locale), locale).toEqual(namespaces(defaultLocale));
  expect(namespaces(defaultLocale).length).toBeGreaterThan(0);
});

describe.each(namespaces(defaultLocale))("namespace %s", (file) => {
  const zh = load(defaultLocale, file);
  const en = fs.existsSync(path.join(root, other, file)) ? load(other, file) : {};

  it("has exactly the same keys in both languages", () => {
    const zhKeys = flattenKeys(zh).sort();
    const enKeys = flattenKeys(en).sort();
    expect(
      enKeys.filter((k) => !zhKeys.includes(k)),
      `keys only in ${other}`,
    ).toEqual([]);
    expect(
      zhKeys.filter((k) => !enKeys.includes(k)),
      `keys only in ${defaultLocale}`,
    ).toEqual([]);
  });

  it("has no empty messages", () => {
    for (const [locale, catalog] of [
      [defaultLocale, zh],
      [other, en],
    ] as const) {
      const empty = flattenKeys(catalog).filter((k) => typeof leaf(catalog, k) !== "string" || leaf(catalog, k) === "");
      expect(empty, `${locale}/${file}`).toEqual([]);
    }
  });

  it("uses the same {placeholders} in both languages", () => {
    const mismatched = flattenKeys(zh)
      .filter((k) => typeof leaf(en, k) === "string")
      .map((k) => ({ key: k, zh: placeholders(String(leaf(zh, k))), en: placeholders(String(leaf(en, k))) }))
      .filter((x) => x.zh.join() !== x.en.join());
    expect(mismatched).toEqual([]);
  });
});

describe("placeholders()", () => {
  it("finds simple, plural and formatted arguments, and nothing else", () => {
    expect(placeholders("您好，{name}")).toEqual(["name"]);
    expect(placeholders("{count, plural, one {# school} other {# schools}} in {authority}")).toEqual(["authority", "count"]);
    expect(placeholders("as of {date, date, long}")).toEqual(["date"]);
    expect(placeholders("no arguments")).toEqual([]);
    expect(placeholders("{n, plural, =0 {no schools} one {school} other {{n} schools in {where}}}")).toEqual(["n", "where"]);
    expect(placeholders("{kind, select, a {甲} other {乙}}")).toEqual(["kind"]);
  });
});
