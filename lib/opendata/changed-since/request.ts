import { Refusal } from "@/lib/errors";
import type { ApiTranslator } from "../messages";
import { decodeCursor } from "./cursor";
import type { ChangeRequest } from "./pages";

/** The parameters a changedSince / cursor request may carry; a list filter with them is refused, named. */
const WITH_CHANGES = new Set(["changedSince", "cursor", "pageSize", "format"]);

/**
 * The poll a list request asks for, or null for an ordinary page. The values were validated by the
 * route's schema (lib/opendata/query.ts); here only their combination: the answer is JSON, and
 * filters, sort and page do not apply to a change log (each would make a cursor skip records).
 */
export function changedSinceRequest(
  url: URL,
  query: { changedSince?: string; cursor?: string; pageSize: number; format: string },
  t: ApiTranslator,
): ChangeRequest | null {
  if (query.changedSince === undefined && query.cursor === undefined) return null;
  const names = [...new Set(url.searchParams.keys())].filter((n) => !WITH_CHANGES.has(n));
  if (query.format !== "json") names.push("format");
  if (names.length) {
    throw new Refusal("VALIDATION", {
      parameters: names.map((name) => ({ name, key: "notWithChanges", message: t("opendata.api.notWithChanges") })),
    });
  }
  return {
    since: query.changedSince === undefined ? null : new Date(query.changedSince),
    after: query.cursor === undefined ? null : decodeCursor(query.cursor),
    limit: query.pageSize,
  };
}
