import { z } from "zod";
import { failureOf, Refusal, type ErrorCode } from "@/lib/errors";
import { isDbUnavailable } from "@/lib/kernel/db-errors";
import { fieldIssues, type FieldIssues, type Issue } from "@/lib/validation/issues";
import { hasNul, isUnstorable } from "@/lib/validation/text";

/**
 * What every server action returns. Expected failures are values, not throws
 * (Next hides thrown messages in production): a closed error code, field issues as catalog keys,
 * and warnings that did not block the write.
 */
export type ActionResult<T = null> =
  { ok: true; data: T; warnings?: (Issue & { field: string })[] } | { ok: false; code: ErrorCode; fieldErrors?: FieldIssues; detail?: Record<string, unknown> };

/** Runs an action body: a Refusal, a ZodError and a database outage become failures; anything else is a bug and is rethrown. */
export async function runAction<T>(fn: () => Promise<T | ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    const out = await fn();
    if (out && typeof out === "object" && "ok" in out && typeof (out as { ok: unknown }).ok === "boolean") return out as ActionResult<T>;
    return { ok: true, data: out as T };
  } catch (e) {
    if (e instanceof Refusal) return failureOf(e);
    if (e instanceof z.ZodError) return { ok: false, code: "VALIDATION", fieldErrors: fieldIssues(e) };
    if (isDbUnavailable(e)) return { ok: false, code: "DB_UNAVAILABLE" };
    throw e;
  }
}

/** Parses FormData or a plain object with a schema; throws ZodError (caught by runAction). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const raw = input instanceof FormData ? formDataToObject(input) : input;
  // No database column can hold NUL or a lone surrogate (lib/validation/text.ts): refuse them here,
  // in every field of every action, as a field issue, not as a database error later.
  const bad = unstorablePaths(raw);
  if (bad.length) {
    throw new z.ZodError(
      bad.map(([path, nul]) => ({ code: "custom", path, message: nul ? "validation.controlCharacter" : "validation.brokenCharacter", input: undefined })),
    );
  }
  return schema.parse(raw);
}

/** Paths of the string values (at any depth) that hold NUL (true) or a lone surrogate (false). */
export function unstorablePaths(v: unknown, path: (string | number)[] = []): [(string | number)[], boolean][] {
  if (typeof v === "string") return isUnstorable(v) ? [[path, hasNul(v)]] : [];
  if (v instanceof Blob || v === null || typeof v !== "object" || path.length > 8) return [];
  if (Array.isArray(v)) return v.flatMap((x, i) => unstorablePaths(x, [...path, i]));
  return Object.entries(v).flatMap(([k, x]) => unstorablePaths(x, [...path, k]));
}

export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of fd.entries()) {
    if (k.startsWith("$ACTION")) continue;
    if (k.endsWith("[]")) ((out[k.slice(0, -2)] ??= []) as unknown[]).push(v);
    else out[k] = v;
  }
  return out;
}
