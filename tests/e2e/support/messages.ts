import fs from "node:fs";
import path from "node:path";

/**
 * The app's own catalog texts, so that specs follow wording changes: t("zh-CN", "auth.invalid").
 * Plain `{name}` arguments are filled in; ICU plurals are not supported here.
 */
const root = path.join(process.cwd(), "lib/i18n/messages");
type Locale = "zh-CN" | "en";
const cache = new Map<string, unknown>();

function namespace(locale: Locale, ns: string): unknown {
  const key = `${locale}/${ns}`;
  if (!cache.has(key)) cache.set(key, JSON.parse(fs.readFileSync(path.join(root, locale, `${ns}.json`), "utf8")));
  return cache.get(key);
}

export function t(locale: Locale, key: string, args: Record<string, string | number> = {}): string {
  const [ns, ...rest] = key.split(".");
  const value = rest.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], namespace(locale, ns));
  if (typeof value !== "string") throw new Error(`No message ${locale}:${key}`);
  return value.replace(/\{(\w+)\}/g, (m, name: string) => (name in args ? String(args[name]) : m));
}

export const zh = (key: string, args?: Record<string, string | number>) => t("zh-CN", key, args);
export const en = (key: string, args?: Record<string, string | number>) => t("en", key, args);
