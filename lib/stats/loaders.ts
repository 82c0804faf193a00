import "server-only";
import { listAuthorities } from "@/lib/authorities/data";
import { hasDemoData, nationalCounts } from "./data";

/** Public home page: national counts by tier and by authority, every authority listed. */
export async function loadNationalOverview() {
  const [counts, authorities, demo] = await Promise.all([nationalCounts(), listAuthorities(), hasDemoData()]);
  const rows = authorities.map((a) => {
    const c = counts.byAuthority.get(a.id) ?? { TECHNICIAN_COLLEGE: 0, SENIOR_TECHNICAL_SCHOOL: 0, TECHNICAL_SCHOOL: 0 };
    return { authority: a, ...c, total: c.TECHNICIAN_COLLEGE + c.SENIOR_TECHNICAL_SCHOOL + c.TECHNICAL_SCHOOL };
  });
  return { total: counts.total, byTier: counts.byTier, rows, demo };
}
