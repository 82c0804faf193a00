import { z } from "zod";
import { failureOf, Refusal, type ErrorCode } from "@/lib/errors";
import { isDbUnavailable } from "@/lib/kernel/db-errors";
import { fieldIssues, type FieldIssues, type Issue } from "@/lib/validation/issues";
import { hasNul } from "@/lib/validation/text";

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
  // PostgreSQL cannot store NUL: refuse it here as a field issue, not as a database error later.
  const nul = nulPaths(raw);
  if (nul.length) throw new z.ZodError(nul.map((path) => ({ code: "custom", path, message: "validation.controlCharacter", input: undefined })));
  return schema.parse(raw);
}

/** Paths of the string values (at any depth) that hold a NUL character. */
export function nulPaths(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof v === "string") return hasNul(v) ? [path] : [];
  if (v instanceof Blob || v === null || typeof v !== "object" || path.length > 8) return [];
  if (Array.isArray(v)) return v.flatMap((x, i) => nulPaths(x, [...path, i]));
  return Object.entries(v).flatMap(([k, x]) => nulPaths(x, [...path, k]));
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
