import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import { isAllowedAddress } from "./address";

/**
 * THE endpoint rule (docs/decisions/0083). A subscription's URL must be https (http only to a
 * loopback address when `allowLoopback`, the tests' switch WEBHOOK_ALLOW_HTTP_LOOPBACK), without
 * credentials, and its host must resolve to allowed addresses only (lib/webhooks/address.ts). The
 * URL is checked when it is registered; every delivery resolves the host again and connects only
 * to an address it has just checked (`checkedLookup`), so a name that later resolves somewhere
 * private (DNS rebinding) is refused at delivery.
 */
export type EndpointProblem = "URL_INVALID" | "URL_NOT_HTTPS" | "URL_CREDENTIALS" | "URL_PRIVATE_ADDRESS" | "URL_UNRESOLVABLE";

/** The host as the URL spells it, without IPv6 brackets. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/** Syntax and literal-address checks, no DNS. */
export function endpointProblem(raw: string, allowLoopback: boolean): EndpointProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "URL_INVALID";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "URL_NOT_HTTPS";
  if (url.username || url.password) return "URL_CREDENTIALS";
  const host = hostOf(url);
  if (!host) return "URL_INVALID";
  const literal = isIP(host) !== 0;
  if (literal && !isAllowedAddress(host, allowLoopback)) return "URL_PRIVATE_ADDRESS";
  if (!literal && (host === "localhost" || host.endsWith(".localhost"))) return allowLoopback ? null : "URL_PRIVATE_ADDRESS";
  if (url.protocol === "http:" && !(allowLoopback && (literal || host === "localhost"))) return "URL_NOT_HTTPS";
  return null;
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => dnsLookup(host, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));
}

/** Every address of the host, when all are allowed; else the problem. */
export async function resolveEndpoint(host: string, allowLoopback: boolean): Promise<LookupAddress[] | EndpointProblem> {
  if (isIP(host)) return isAllowedAddress(host, allowLoopback) ? [{ address: host, family: isIP(host) }] : "URL_PRIVATE_ADDRESS";
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(host);
  } catch {
    return "URL_UNRESOLVABLE";
  }
  if (addresses.length === 0) return "URL_UNRESOLVABLE";
  return addresses.every((a) => isAllowedAddress(a.address, allowLoopback)) ? addresses : "URL_PRIVATE_ADDRESS";
}

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http(s).request: resolves, checks every address, and hands over only checked ones. */
export function checkedLookup(allowLoopback: boolean) {
  return (host: string, options: { all?: boolean }, callback: LookupCallback) => {
    resolveEndpoint(host, allowLoopback).then(
      (result) => {
        if (typeof result === "string") return callback(Object.assign(new Error(result), { code: result }), "");
        if (options.all) return callback(null, result);
        callback(null, result[0].address, result[0].family);
      },
      (err: Error) => callback(err, ""),
    );
  };
}
