/**
 * Security headers for every response. The Content-Security-Policy carries a fresh nonce per
 * request (Next.js adds it to its own scripts when it finds it in the request's CSP header).
 */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, dev: boolean, https = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (e.g. chart bar widths) need 'unsafe-inline' for styles only; scripts never.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function staticSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * The headers of the JSON API (/api/v1/…, /api/health), which proxy.ts does not run for: the
 * static ones above and a CSP that allows nothing (a JSON or CSV answer loads nothing). Set by
 * next.config.js headers(); this is the reference its test compares against.
 */
export function apiSecurityHeaders(https: boolean): Record<string, string> {
  return { ...staticSecurityHeaders(https), "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" };
}
