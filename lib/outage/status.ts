import http from "node:http";
import { dbMarkedDown, retryAfterSeconds } from "@/lib/db/availability";

const INSTALLED = Symbol.for("registry.outageStatus");

/**
 * Next.js answers a page whose render threw with 500, and offers no way to choose another status
 * (only 401/403/404 and redirects). proxy.ts answers 503 while the database is known to be down;
 * this covers the requests already past the proxy when it went away: a 500 written by this process
 * while the database is marked down becomes 503 with Retry-After. Installed once per process by
 * instrumentation.ts; every other status passes untouched.
 */
export function installOutageStatus() {
  const proto = http.ServerResponse.prototype as http.ServerResponse & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const writeHead = proto.writeHead;
  proto.writeHead = function (this: http.ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 500 && dbMarkedDown()) {
      statusCode = 503;
      this.statusCode = 503;
      if (!this.headersSent) this.setHeader("Retry-After", String(retryAfterSeconds()));
      if (typeof rest[0] === "string") rest[0] = "Service Unavailable";
    }
    return (writeHead as (...a: unknown[]) => http.ServerResponse).call(this, statusCode, ...rest);
  } as typeof proto.writeHead;
}
