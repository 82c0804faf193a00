import type { RenderedSummary } from "@/lib/imports/render";

/**
 * Sends a file to the upload route with XMLHttpRequest (fetch cannot report upload progress)
 * and reads the NDJSON answer line by line as it arrives: "reading" → "checking N rows" → result.
 */
export type UploadEvent =
  | { phase: "uploading"; percent: number }
  | { phase: "reading" }
  | { phase: "checking"; rows: number; encoding: string | null; unknownHeaders: string[] }
  | { phase: "done"; jobId: string; summary: RenderedSummary }
  | { phase: "error"; message?: string; code?: string };

export function uploadFile(form: FormData, onEvent: (e: UploadEvent) => void): () => void {
  const xhr = new XMLHttpRequest();
  let seen = 0;
  let finished = false;
  const readLines = () => {
    const text = xhr.responseText;
    let nl = text.indexOf("\n", seen);
    while (nl >= 0) {
      const line = text.slice(seen, nl).trim();
      seen = nl + 1;
      if (line) emit(JSON.parse(line));
      nl = text.indexOf("\n", seen);
    }
  };
  const emit = (o: { phase: string; error?: { message?: string }; ok?: boolean; code?: string } & Record<string, unknown>) => {
    if (o.phase === "error") {
      finished = true;
      onEvent({ phase: "error", message: o.error?.message });
    } else if (o.phase === "done") {
      finished = true;
      onEvent(o as unknown as UploadEvent);
    } else if (o.phase === "reading" || o.phase === "checking") onEvent(o as unknown as UploadEvent);
    else if (o.ok === false) {
      finished = true;
      onEvent({ phase: "error", code: o.code });
    }
  };
  xhr.open("POST", "/console/imports/upload");
  xhr.upload.onprogress = (e) => {
    if (e.lengthComputable) onEvent({ phase: "uploading", percent: Math.round((e.loaded / e.total) * 100) });
  };
  xhr.upload.onload = () => onEvent({ phase: "reading" });
  xhr.onprogress = () => {
    if (xhr.getResponseHeader("content-type")?.includes("ndjson")) readLines();
  };
  xhr.onload = () => {
    try {
      if (xhr.getResponseHeader("content-type")?.includes("ndjson")) {
        readLines();
        const rest = xhr.responseText.slice(seen).trim();
        if (rest) emit(JSON.parse(rest));
      } else emit(JSON.parse(xhr.responseText || "{}"));
    } catch {
      finished = true;
      onEvent({ phase: "error" });
    }
    if (!finished) onEvent({ phase: "error" });
  };
  xhr.onerror = () => onEvent({ phase: "error" });
  xhr.send(form);
  return () => xhr.abort();
}
