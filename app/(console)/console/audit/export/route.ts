import { getTranslations } from "next-intl/server";
import { exportAuditCsv } from "@/lib/audit/export";

export const dynamic = "force-dynamic";

/** GET /console/audit/export?…filters: the filtered audit log as CSV (audit administrator, auditors). */
export async function GET(req: Request) {
  const t = await getTranslations("audit");
  return exportAuditCsv(req, (field) => t(`fields.${field}`));
}
