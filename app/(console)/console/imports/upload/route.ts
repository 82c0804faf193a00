import { uploadRoute } from "@/lib/imports/routes";

export const dynamic = "force-dynamic";
// Reading a 20,000-row workbook and checking every row takes a while.
export const maxDuration = 120;

export async function POST(request: Request) {
  return uploadRoute(request);
}
