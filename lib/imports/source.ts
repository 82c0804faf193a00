/** Which upload a change came from: the audit reason of every change an import makes is the file and the import's id. */
export type ImportSource = { jobId: string; fileName: string };

export function importReason(s: ImportSource): string {
  return `${s.fileName} (import ${s.jobId})`;
}
