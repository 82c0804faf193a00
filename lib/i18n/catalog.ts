import fs from "node:fs";
import path from "node:path";
import type { Locale } from "./config";

/**
 * Catalogs are split by namespace — lib/i18n/messages/<locale>/<namespace>.json — so that each
 * feature owns its file. The namespace is the file name; keys are nested inside it.
 */
export type Messages = Record<string, unknown>;

const dir = (locale: Locale) => path.join(process.cwd(), "lib/i18n/messages", locale);
const cache = new Map<Locale, Messages>();

export function loadMessages(locale: Locale): Messages {
  const hit = cache.get(locale);
  if (hit && process.env.NODE_ENV === "production") return hit;
  const messages: Messages = {};
  for (const file of fs
    .readdirSync(dir(locale))
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    messages[file.replace(/\.json$/, "")] = JSON.parse(fs.readFileSync(path.join(dir(locale), file), "utf8"));
  }
  cache.set(locale, messages);
  return messages;
}

/** Every leaf key as a dotted path, for the catalog-parity test. */
export function flattenKeys(obj: unknown, prefix = ""): string[] {
  if (obj === null || typeof obj !== "object") return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => flattenKeys(v, prefix ? `${prefix}.${k}` : k));
}
