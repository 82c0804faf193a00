import { getDictionaryFile } from "@/lib/opendata/dictionary/handler";

export const dynamic = "force-dynamic";
export const GET = getDictionaryFile;
