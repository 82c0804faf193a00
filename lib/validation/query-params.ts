import { z } from "zod";

/**
 * Building blocks of every query-string schema (the public search page and the /api/v1 routes):
 * "" means not set, a repeated parameter is refused, integers are digits only (no "1e2", " 5",
 * "0x10" or "1.5"). Preprocess keeps the inner schema visible to z.toJSONSchema for the OpenAPI
 * document.
 */
export const param = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v, ctx) => {
    if (Array.isArray(v)) {
      if (v.length > 1) {
        ctx.addIssue({ code: "custom", message: "validation.repeated", input: v });
        return z.NEVER;
      }
      v = v[0];
    }
    return v === "" ? undefined : v;
  }, schema);

export const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, "validation.notAnInteger")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

export const pageParam = param(intParam(1, 100_000).default(1)).describe("Page number, from 1");
export const pageSizeParam = param(intParam(1, PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT)).describe(`Rows per page, 1–${PAGE_SIZE_MAX}`);

export const authorityParam = param(
  z
    .string()
    .regex(/^[a-z]{2,20}$/, "validation.invalidValue")
    .optional(),
).describe("Registering authority id, e.g. guangdong (an id that does not exist is refused)");
