export function verifyPath(code: string): string {
  return `/verify/${encodeURIComponent(code)}`;
}
