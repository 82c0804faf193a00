import { z } from "zod";
import { param } from "@/lib/validation/query-params";
import { isCursor } from "../changed-since/cursor";

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

/** changedSince / cursor on the list routes (decision 0081): either starts or continues a poll. */
export const changeParams = {
  changedSince: param(dateTimeParam.optional())
    .describe("RFC 3339 instant with a zone: records changed after it (starts a poll; answers with nextCursor)")
    .meta({ "x-since": "1.1" }),
  cursor: param(z.string().refine(isCursor, "opendata.api.cursor").optional())
    .describe("nextCursor of the previous answer: continues the poll exactly where it ended")
    .meta({ "x-since": "1.1" }),
};
