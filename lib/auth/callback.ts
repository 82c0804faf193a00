/**
 * THE rule for where a sign-in goes back to. A console link opened signed out carries its path to
 * the sign-in page (`?callbackUrl=`), and the sign-in goes there afterwards. Only a path of this
 * site's console is taken: an absolute URL ("https://evil.example/"), a protocol-relative one
 * ("//evil.example"), a backslash form ("/\evil.example") or anything outside /console is ignored,
 * so the parameter can never send a person elsewhere (no open redirect).
 */
export const CALLBACK_PARAM = "callbackUrl";

/** The request header the proxy sets to the path asked for (a client's own value is overwritten). */
export const REQUESTED_PATH_HEADER = "x-registry-path";

const BASE = "http://registry.invalid";
const MAX_LENGTH = 1000;

/** The console path to return to, normalised (path and query), or null when `value` is not one. */
export function safeCallback(value: unknown): string | null {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return null;
  // "/" but not "//" or "/\" (browsers read both as another host); no control characters.
  if (!/^\/(?![/\\])/.test(value) || /[\\\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  if (url.pathname !== "/console" && !url.pathname.startsWith("/console/")) return null;
  return `${url.pathname}${url.search}`;
}

/** The sign-in page, carrying the console path asked for when there is one. */
export function signInPathFor(requested: string | null | undefined): string {
  const back = safeCallback(requested);
  return back ? `/sign-in?${CALLBACK_PARAM}=${encodeURIComponent(back)}` : "/sign-in";
}
