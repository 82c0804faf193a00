import type { ErrorCode } from "@/lib/errors";

/** An expected refusal tied to one form field (the message is a `validation.*` catalog key). */
export function fieldFailure(field: string, key: string, params?: Record<string, string | number>, code: ErrorCode = "VALIDATION") {
  return { ok: false as const, code, fieldErrors: { [field]: [{ key, params }] } };
}
