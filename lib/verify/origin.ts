/**
 * The absolute origin of the current request (for the verify page's QR code), from the Host
 * header or, behind a proxy, X-Forwarded-Host/Proto. Anything that does not look like a host
 * name is refused (a QR code never encodes an injected value).
 */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function originFromHeaders(h: Pick<Headers, "get">): string {
  const first = (v: string | null) => (v ?? "").split(",")[0].trim();
  const host = first(h.get("x-forwarded-host")) || first(h.get("host"));
  const proto = first(h.get("x-forwarded-proto")) === "https" ? "https" : "http";
  return `${proto}://${HOST.test(host) ? host : "localhost"}`;
}

export function verifyPath(code: string): string {
  return `/verify/${encodeURIComponent(code)}`;
}
