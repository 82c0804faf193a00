import type { Messages } from "./catalog";

/**
 * What the root layout sends to the browser: the catalog namespaces that client components on
 * any page may use (app/error.tsx: outage; errors). Sending the whole catalog made every public
 * page ~70 kB larger and its render slower (docs/benchmarks.md). Areas whose client components
 * use more — the console's forms (schools/[id], schools/new, selection, imports, accounts,
 * account, security-policy), sign-in, public notices and the data page — wrap their pages in a
 * NextIntlClientProvider of their own (layout.tsx), which sends the whole catalog there
 * (tests/unit/client-messages.test.ts checks every other client component against this list).
 */
export const BASE_CLIENT_NAMESPACES = ["outage", "errors"] as const;

/** The named namespaces (or "ns.sub" parts) of a catalog, as one smaller catalog. */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const out: Messages = {};
  for (const path of paths) {
    const parts = path.split(".");
    let from: unknown = messages;
    for (const p of parts) from = from && typeof from === "object" ? (from as Record<string, unknown>)[p] : undefined;
    if (from === undefined) continue;
    let to = out;
    parts.slice(0, -1).forEach((p) => {
      to = (to[p] ??= {}) as Messages;
    });
    to[parts[parts.length - 1]] = from;
  }
  return out;
}
