import { hasControlChar, hasNul } from "./text";

/**
 * THE rule for a request URL the app can serve, checked once in proxy.ts before Next.js routes it.
 * Next.js decodes each dynamic path segment with decodeURIComponent; a segment that does not decode
 * (malformed percent-encoding such as "%ff", or bytes that are not UTF-8, such as an encoded lone
 * surrogate "%ED%A0%80") makes its router throw and answer a bare 500 without the security headers.
 * A decoded path or query holding NUL reaches PostgreSQL, which cannot compare it (22021: a 500).
 * So: a path that does not decode, a path with a control or broken character, a query with NUL in a
 * name or value — each is a 400 (proxy.ts), never a 500.
 */
export type UrlProblem = "malformedPath" | "controlInPath" | "nulInQuery";

export function urlProblem(pathname: string, search: string): UrlProblem | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return "malformedPath";
  }
  if (hasControlChar(path)) return "controlInPath";
  if (search.includes("%") || search.includes("\u0000")) {
    for (const [name, value] of new URLSearchParams(search)) if (hasNul(name) || hasNul(value)) return "nulInQuery";
  }
  return null;
}
