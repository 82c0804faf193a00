import { z } from "zod";
import { param } from "@/lib/validation/query-params";

/** The API's own query parameters; the shared building blocks are lib/validation/query-params.ts. */
export const formatParam = param(z.enum(["json", "csv"]).default("json")).describe(
  "json (default) or csv: UTF-8 with a byte-order mark and a header row; the page's rows only",
);
export const schoolRefParam = param(
  z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, "validation.invalidValue")
    .optional(),
).describe("A school's id or public code (a school that does not exist is refused)");

/** An ISO 8601 date-time WITH a zone (Z or ±hh:mm): a bare date or local time would be ambiguous. */
export const dateTimeParam = z.iso.datetime({ offset: true, message: "opendata.api.dateTime" });
