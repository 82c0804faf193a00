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

export function uploadFile(form: FormData, onEvent: (event: UploadEvent) => void): () => void {
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
  const emit = (message: { phase: string; error?: { message?: string }; ok?: boolean; code?: string } & Record<string, unknown>) => {
    if (message.phase === "error") {
      finished = true;
      onEvent({ phase: "error", message: message.error?.message });
    } else if (message.phase === "done") {
      finished = true;
      onEvent(message as unknown as UploadEvent);
    } else if (message.phase === "reading" || message.phase === "checking") onEvent(message as unknown as UploadEvent);
    else if (message.ok === false) {
      finished = true;
      onEvent({ phase: "error", code: message.code });
    }
  };
  xhr.open("POST", "/console/imports/upload");
  xhr.upload.onprogress = (progress) => {
    if (progress.lengthComputable) onEvent({ phase: "uploading", percent: Math.round((progress.loaded / progress.total) * 100) });
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
