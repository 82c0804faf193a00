import type { z } from "zod";

/**
 * Validation messages are catalog keys (under the `validation` namespace) with parameters, so the
 * same schema yields Chinese or English text in forms, import previews and API errors.
 */
export type Issue = { key: string; params?: Record<string, string | number> };
export type FieldIssues = Record<string, Issue[]>;

const zodCodeKeys: Record<string, string> = {
  too_small: "tooSmall",
  too_big: "tooBig",
  invalid_type: "invalidType",
  invalid_value: "invalidValue",
  invalid_format: "invalidFormat",
};

/** Turns a ZodError into issues keyed by field path ("nameZh", "majors.0.years"). */
export function fieldIssues(error: z.ZodError): FieldIssues {
  const out: FieldIssues = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_form";
    const custom = issue.message.startsWith("validation.") ? issue.message.slice("validation.".length) : null;
    const params: Record<string, string | number> = { ...((issue as { params?: Record<string, string | number> }).params ?? {}) };
    if ("minimum" in issue && issue.minimum !== undefined) params.min = Number(issue.minimum);
    if ("maximum" in issue && issue.maximum !== undefined) params.max = Number(issue.maximum);
    const key = custom ?? zodCodeKeys[issue.code] ?? "invalid";
    (out[field] ??= []).push({ key, params });
  }
  return out;
}
