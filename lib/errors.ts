import type { FieldIssues } from "@/lib/validation/issues";

/**
 * The closed list of expected failures, and THE way to refuse. Mutations, gates and data functions
 * raise a `Refusal` (through `refuse`, `refuseFields`); only the action layer (lib/actions) and the
 * API edge turn it into `{ ok: false, code }` or an HTTP status. The UI maps each code to a
 * translated message under `errors.<code>`. Throw plain errors only for bugs.
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

export type Failure = { ok: false; code: ErrorCode; fieldErrors?: FieldIssues; detail?: Record<string, unknown> };

/**
 * The one detail shape of STALE_VERSION, whatever was stale: the version now stored, who changed
 * the record last and when, and — where a form can show it — each field changed since the
 * caller's version, their value against the stored one.
 */
export type StaleDetail = {
  version: number | null;
  changedBy: string | null;
  changedAt: string | null;
  changes: { field: string; yours: unknown; theirs: unknown }[];
  /** For a bulk write (an import), the file row whose record changed underneath it. */
  row?: number;
};

/** An expected refusal. `keepWrites`: the transaction's writes are committed before it is reported (a counted failed attempt). */
export class Refusal extends Error {
  readonly keepWrites: boolean;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: Record<string, unknown>,
    readonly fieldErrors?: FieldIssues,
    opts: { keepWrites?: boolean } = {},
  ) {
    super(code);
    this.name = "Refusal";
    this.keepWrites = opts.keepWrites ?? false;
  }
}

export function refuse(code: ErrorCode, detail?: Record<string, unknown>): never {
  throw new Refusal(code, detail);
}

/** Field issues the form shows beside each field; VALIDATION unless the rule says otherwise (DUPLICATE). */
export function refuseFields(fieldErrors: FieldIssues, code: ErrorCode = "VALIDATION", detail?: Record<string, unknown>): never {
  throw new Refusal(code, detail, fieldErrors);
}

export function refuseStale(detail: StaleDetail): never {
  throw new Refusal("STALE_VERSION", detail);
}

/** The failure value of a refusal (what an action returns, what an API answers). */
export function failureOf(e: Refusal): Failure {
  return { ok: false, code: e.code, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}), ...(e.detail ? { detail: e.detail } : {}) };
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
