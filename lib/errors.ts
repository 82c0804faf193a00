/**
 * The closed list of expected failures. Actions and route handlers return these codes
 * (`{ ok: false, code }`); the UI maps each to a translated message under `errors.<code>`.
 */
export const errorCodes = [
  "VALIDATION",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "DUPLICATE",
  "STALE_VERSION",
  "INVALID_TRANSITION",
  "RATE_LIMITED",
  "DB_UNAVAILABLE",
  "INVALID_CREDENTIALS",
  "ACCOUNT_LOCKED",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type FieldErrors = Record<string, string[]>;

export type Failure = { ok: false; code: ErrorCode; fieldErrors?: FieldErrors; detail?: Record<string, unknown> };
export type Result<T = undefined> = ({ ok: true } & (T extends undefined ? object : { data: T })) | Failure;

/** Thrown by gates and data functions for an expected refusal; caught at the action/route edge. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: Record<string, unknown>,
  ) {
    super(code);
    this.name = "AppError";
  }
}

export function fail(code: ErrorCode, extra?: Omit<Failure, "ok" | "code">): Failure {
  return { ok: false, code, ...extra };
}

export const httpStatus: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  DUPLICATE: 409,
  STALE_VERSION: 409,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
  DB_UNAVAILABLE: 503,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
};
