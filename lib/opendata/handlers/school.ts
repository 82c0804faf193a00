import { notConfirmedOnTime } from "@/lib/campaigns/data";
import { Refusal } from "@/lib/errors";
import { getPublicSchoolAsOf } from "@/lib/public/data";
import { clock, shanghaiToday } from "@/lib/kernel/dates";
import { apiGet, badParameter } from "../http";
import { schoolQuerySchema } from "../schemas/query";

/** GET /api/v1/schools/{id}: one school's public record by id or public code, optionally as of a past day. */
export const getSchool = apiGet(schoolQuerySchema, async ({ query, params, t }) => {
  const ref = params.id ?? "";
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(ref)) throw badParameter(t, "id", "malformedId");
  const asOf = query.asOf && query.asOf < shanghaiToday() ? query.asOf : null;
  const view = await getPublicSchoolAsOf(ref, asOf);
  if (!view) throw new Refusal("NOT_FOUND");
  if (view.kind === "notYetRegistered") throw new Refusal("NOT_FOUND");
  // The annual confirmation's flag is about the record today; a past day's record leaves it out.
  const flag = asOf ? null : await notConfirmedOnTime({ status: view.school.status, lastConfirmedAt: view.school.lastConfirmedAt }, clock.now());
  return { kind: "json", body: { ...view.school, notConfirmedOnTime: flag?.year ?? null } };
});
