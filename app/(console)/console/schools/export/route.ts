import { exportSchoolsRoute } from "@/lib/exports/routes";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return exportSchoolsRoute(request);
}
