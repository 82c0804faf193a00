import http from "node:http";
import https from "node:https";
import { checkedLookup, endpointProblem } from "./endpoint";

/**
 * One POST of a delivery: the URL checked again (the rule may have changed since it was
 * registered), the host resolved and checked at connect time (checkedLookup), no redirects
 * followed, no proxy, a bounded wait. The answer's body is read and dropped (at most 64 KB kept in flight).
 */
export const POST_TIMEOUT_MS = 10_000;

export type PostOutcome = { status: number } | { error: string };

export function postJson(url: string, body: string, headers: Record<string, string>, allowLoopback: boolean): Promise<PostOutcome> {
  const problem = endpointProblem(url, allowLoopback);
  if (problem) return Promise.resolve({ error: problem });
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { "Content-Type": "application/json; charset=utf-8", "Content-Length": String(Buffer.byteLength(body)), ...headers },
        lookup: checkedLookup(allowLoopback) as never,
        timeout: POST_TIMEOUT_MS,
        agent: false,
      },
      (response) => {
        response.on("data", () => {});
        response.on("end", () => resolve({ status: response.statusCode ?? 0 }));
        response.on("error", () => resolve({ status: response.statusCode ?? 0 }));
      },
    );
    request.on("timeout", () => request.destroy(new Error("TIMEOUT")));
    request.on("error", (err: NodeJS.ErrnoException) => resolve({ error: (err.code ?? err.message).slice(0, 200) }));
    request.end(body);
  });
}
