import { schoolColumns } from "@/lib/imports/columns";
import { toCsv } from "@/lib/imports/csv";
import type { RenderedSummary } from "@/lib/imports/render";
import { uploadRoute } from "@/lib/imports/routes";
import { fakeUscc } from "./schools-fixtures";

/**
 * Helpers for the import tests: files built in the test (no binary fixtures), and the upload
 * route driven as the browser drives it.
 */

export type Row = Record<string, string | number | null>;

/** A valid new school row for the Guangdong officer, by serial number. */
export function schoolRow(n: number, over: Row = {}): Row {
  return {
    统一社会信用代码: fakeUscc(100000 + n),
    院校名称: `广州市第${n}导入技工学校`,
    层次: "技工学校",
    办学性质: "公办",
    举办者类型: "人社部门",
    举办者: "广州市人力资源和社会保障局",
    所在地市代码: "440100",
    审批日期: "2020-06-01",
    全日制在校生数: 900,
    年培训人次: 1000,
    ...over,
  };
}

export function csvOf(rows: Row[], headers = [...new Set(rows.flatMap((r) => Object.keys(r)))]): string {
  return toCsv([headers, ...rows.map((r) => headers.map((h) => (r[h] === null || r[h] === undefined ? "" : String(r[h]))))]);
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

export type UploadAnswer =
  | { phase: "done"; jobId: string; summary: RenderedSummary; lines: unknown[] }
  | { phase: "error"; error: { key: string; message: string }; status: number; lines: unknown[] };

/** POSTs a file to the upload route (the signed-in test user is the uploader) and reads the NDJSON answer. */
export async function upload(bytes: Uint8Array, opts: { kind?: string; encoding?: string; name?: string } = {}): Promise<UploadAnswer> {
  const fd = new FormData();
  fd.set("kind", opts.kind ?? "schools");
  fd.set("encoding", opts.encoding ?? "auto");
  fd.set("file", new File([bytes as BlobPart], opts.name ?? "院校.csv"));
  const res = await uploadRoute(new Request("http://localhost/console/imports/upload", { method: "POST", body: fd }));
  const text = await res.text();
  if (!res.headers.get("content-type")?.includes("ndjson")) {
    const body = JSON.parse(text);
    return { phase: "error", error: body.error ?? { key: body.code, message: body.code }, status: res.status, lines: [body] };
  }
  const lines = text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  const last = lines[lines.length - 1];
  return last.phase === "done" ? { ...last, lines } : { ...last, status: res.status, lines };
}

export const allHeaders = schoolColumns.map((c) => c.header);
