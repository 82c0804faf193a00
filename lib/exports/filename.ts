/**
 * Download file names: a Chinese name for people (RFC 5987 `filename*`), and an ASCII fallback
 * for old clients, e.g. 院校名录-广东省-2026-11-28.xlsx / school-registry-guangdong-2026-11-28.xlsx.
 */
export function contentDisposition(name: string, asciiFallback: string): string {
  const safe = asciiFallback.replace(/[^A-Za-z0-9._-]/g, "_");
  return `attachment; filename="${safe}"; filename*=UTF-8''${encodeRFC5987(name)}`;
}

export function encodeRFC5987(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
