import { z } from "zod";
import { fieldIssues } from "@/lib/validation/issues";
import { hasControlChar } from "@/lib/validation/text";
import { searchParamsObject } from "@/lib/public/search-schema";
import type { ApiTranslator } from "./messages";

/**
 * Strict query parsing for the open-data API: every parameter must be documented (an unknown name
 * is refused, named), every value must pass the route's zod schema. Problems come back keyed by
 * parameter so the 400 body can name each one.
 */
export type ParameterProblem = { name: string; message: string; key: string };

export type QueryParse<T> = { ok: true; value: T } | { ok: false; problems: ParameterProblem[] };

/** Longer raw values are refused before parsing (an "absurd length" never reaches a query). */
export const MAX_RAW_PARAM_LENGTH = 200;

export function parseQuery<S extends z.ZodObject>(url: URL, schema: S, t: ApiTranslator): QueryParse<z.output<S>> {
  const known = new Set(Object.keys(schema.shape));
  const problems: ParameterProblem[] = [];
  const raw = searchParamsObject(url.searchParams);
  for (const [name, value] of Object.entries(raw)) {
    if (!known.has(name)) {
      problems.push({ name: name.slice(0, 60), key: "unknownParameter", message: t("opendata.api.unknownParameter", { allowed: [...known].join(", ") }) });
      delete raw[name];
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => v.length > MAX_RAW_PARAM_LENGTH)) {
      problems.push({ name, key: "tooLong", message: t("validation.tooLong") });
      delete raw[name];
    } else if (values.some(hasControlChar)) {
      // No parameter of any route may hold a control or broken character (lib/validation/text.ts).
      problems.push({ name, key: "controlCharacter", message: t("validation.controlCharacter") });
      delete raw[name];
    }
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    for (const zi of r.error.issues) {
      const name = String(zi.path[0] ?? "_query");
      // The API's own messages ("opendata.api.*") are catalog keys in this feature's namespace.
      if (zi.message.startsWith("opendata.")) {
        problems.push({ name, key: zi.message.split(".").pop()!, message: t(zi.message) });
        continue;
      }
      for (const issue of Object.values(fieldIssues(new z.ZodError([zi]))).flat()) {
        // A missing required parameter reaches zod as `undefined`: say "required", not "wrong type".
        const key = issue.key === "invalidType" && raw[name] === undefined ? "required" : issue.key;
        problems.push({ name, key, message: message(t, key, issue.params) });
      }
    }
  }
  if (problems.length) return { ok: false, problems: dedupe(problems) };
  return r.success ? { ok: true, value: r.data } : { ok: false, problems };
}

function message(t: ApiTranslator, key: string, params?: Record<string, string | number>): string {
  const text = t(`validation.${key}`, params);
  return text === `validation.${key}` ? t("validation.invalid") : text;
}

function dedupe(list: ParameterProblem[]): ParameterProblem[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${p.name}\u0000${p.key}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
