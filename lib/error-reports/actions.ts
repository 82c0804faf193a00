"use server";

import { defineAction } from "@/lib/actions/define";
import { declineErrorReport, fileErrorReport } from "./mutations";
import { declineErrorReportSchema, fileErrorReportSchema } from "./schema";

const REPORT_PAGES = ["/console/error-reports", "/console"];

/** Public: no sign-in, no captcha. The gate is the per-address and per-school limit (in the mutation). */
export const fileErrorReportAction = defineAction({
  policy: "fileErrorReportAction",
  input: fileErrorReportSchema,
  run: fileErrorReport,
  revalidate: REPORT_PAGES,
});

/** An officer of the school's authority (or the ministry) declines, with the reason the reporter reads. */
export const declineErrorReportAction = defineAction({
  policy: "declineErrorReportAction",
  input: declineErrorReportSchema,
  run: declineErrorReport,
  revalidate: REPORT_PAGES,
});
