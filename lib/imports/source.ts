/** Who runs an import and which upload a change came from (the audit's actor, source and reason). */
export type Actor = { id: string; label: string };
export type ImportSource = { jobId: string; fileName: string };

/** The audit reason of every change an import makes: the file and the import's id. */
export function importReason(s: ImportSource): string {
  return `${s.fileName} (import ${s.jobId})`;
}
