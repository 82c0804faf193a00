#!/usr/bin/env node
/**
 * Fills deploy/nginx/registry.conf.template. Used by operators and by tests/topology (which runs
 * what this writes), so the tested configuration is the deployed one:
 *
 *   node deploy/nginx/render.mjs --node 10.0.0.11:3000 --node 10.0.0.12:3000 \
 *     --listen "443 ssl" --server-name registry.example.gov.cn --cache-dir /var/cache/nginx/registry \
 *     --tls "ssl_certificate /etc/ssl/registry.pem; ssl_certificate_key /etc/ssl/registry.key;" \
 *     [--micro-cache 1s | --micro-cache off] [--drain 10.0.0.11:3000] > /etc/nginx/conf.d/registry.conf
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const TEMPLATE = path.join(here, "registry.conf.template");

/** nginx's own 503 text: the app's outage title from the message catalogs, Chinese first. */
function unavailableText() {
  const title = (locale) => JSON.parse(fs.readFileSync(path.join(here, "../../lib/i18n/messages", locale, "outage.json"), "utf8")).pageTitle;
  return `${title("zh-CN")}\\n${title("en")}\\n`.replace(/["$]/g, "");
}

/** Passive health-check settings of every node (decision 0077). */
export const MAX_FAILS = 2;
export const FAIL_TIMEOUT = "5s";

/**
 * @param {{ nodes: string[], listen: string, serverName?: string, cacheDir: string, tls?: string,
 *           microCache?: string | null, drain?: string[] }} o  microCache: "1s" (default) or null (off);
 *           drain: nodes marked `down` (no new requests) for a restart.
 * @returns {string}
 */
export function renderNginx(o) {
  if (!o.nodes.length) throw new Error("at least one --node host:port");
  const micro = o.microCache === undefined ? "1s" : o.microCache;
  if (micro !== null && !/^\d+(ms|s)$/.test(micro)) throw new Error(`--micro-cache must be like 1s or 500ms, or off: ${micro}`);
  const drain = new Set(o.drain ?? []);
  const servers = o.nodes.map((n) => `    server ${n} max_fails=${MAX_FAILS} fail_timeout=${FAIL_TIMEOUT}${drain.has(n) ? " down" : ""};`).join("\n");
  const values = {
    CACHE_DIR: o.cacheDir,
    UPSTREAM_SERVERS: servers,
    LISTEN: o.listen,
    SERVER_NAME: o.serverName ?? "_",
    TLS: o.tls ? `    ${o.tls}` : "",
    API_CACHE_ZONE: micro === null ? "off" : "registry_api",
    PAGE_CACHE_ZONE: micro === null ? "off" : "registry_pages",
    // Unused when the zone is off, but the directive must still parse.
    MICRO_CACHE: micro ?? "1s",
    UNAVAILABLE_TEXT: unavailableText(),
  };
  return fs.readFileSync(TEMPLATE, "utf8").replace(/\{\{(\w+)\}\}/g, (m, name) => {
    if (!(name in values)) throw new Error(`registry.conf.template: unknown placeholder ${m}`);
    return values[name];
  });
}

function cli(argv) {
  const all = (name) => argv.flatMap((a, i) => (a === `--${name}` ? [argv[i + 1]] : []));
  const one = (name, d) => all(name).at(-1) ?? d;
  const micro = one("micro-cache", "1s");
  process.stdout.write(
    renderNginx({
      nodes: all("node"),
      listen: one("listen", "80"),
      serverName: one("server-name", "_"),
      cacheDir: one("cache-dir", "/var/cache/nginx/registry"),
      tls: one("tls", ""),
      microCache: micro === "off" ? null : micro,
      drain: all("drain"),
    }),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) cli(process.argv.slice(2));
