import { templateRoute } from "@/lib/imports/routes";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return templateRoute(request);
}
