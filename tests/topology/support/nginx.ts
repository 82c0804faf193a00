import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { renderNginx } from "../../../deploy/nginx/render.mjs";

/**
 * nginx with deploy/nginx's configuration, in a directory of its own: `nginx -p <dir> -c <conf>
 * -g 'daemon off;'` with the pid file, logs, temp and cache folders inside it. The main file here
 * is what Debian's /etc/nginx/nginx.conf provides around an included site file; the site file is
 * deploy/nginx/render.mjs's output, as on a server. The access log records the node that answered
 * each request ($upstream_addr), so a test can see which nodes are in rotation.
 */
export const NGINX_BIN = "/usr/sbin/nginx";
const run = promisify(execFile);

export type NginxOptions = { dir: string; port: number; nodes: string[]; microCache?: string | null };

export type Nginx = {
  base: string;
  /** Writes the site file again (e.g. with nodes drained) and reloads nginx gracefully. */
  reconfigure: (o: { drain?: string[]; microCache?: string | null }) => Promise<void>;
  /** The access log so far, one "upstream-address status method uri worker=pid tries=statuses" line per request. */
  accessLines: () => string[];
  /** nginx's error log (upstream failures are logged there): printed when a scenario fails. */
  errorLog: () => string;
  /** What a failed scenario prints: the requests nginx retried or did not answer 2xx, and the error log's end. */
  diagnosis: () => string;
  stop: () => Promise<void>;
};

export function nginxSkipReason(): string | undefined {
  return fs.existsSync(NGINX_BIN) ? undefined : `nginx is not installed (${NGINX_BIN}; Debian's nginx-light): topology test skipped`;
}

function mainConf(dir: string): string {
  // As root, nginx's workers run as `user`: nobody may write the cache and temp folders (created here).
  const user = process.getuid?.() === 0 ? "user nobody nogroup;\n" : "";
  return `${user}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
    default_type application/octet-stream;
    log_format upstream '$upstream_addr $status $request_method $request_uri worker=$pid tries=$upstream_status';
    access_log ${dir}/access.log upstream;
    client_body_temp_path ${dir}/tmp/body;
    proxy_temp_path ${dir}/tmp/proxy;
    fastcgi_temp_path ${dir}/tmp/fastcgi;
    uwsgi_temp_path ${dir}/tmp/uwsgi;
    scgi_temp_path ${dir}/tmp/scgi;
    include ${dir}/registry.conf;
}
`;
}

export async function startNginx(o: NginxOptions): Promise<Nginx> {
  const { dir } = o;
  for (const d of ["tmp", "cache"]) fs.mkdirSync(path.join(dir, d), { recursive: true });
  // The workers (nobody, as root) must reach the cache and temp folders inside it.
  fs.chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) await run("chown", ["-R", "nobody:nogroup", path.join(dir, "tmp"), path.join(dir, "cache")]);
  const conf = path.join(dir, "nginx.conf");
  const site = (drain: string[] = [], microCache = o.microCache) =>
    fs.writeFileSync(
      path.join(dir, "registry.conf"),
      renderNginx({ nodes: o.nodes, listen: `127.0.0.1:${o.port}`, cacheDir: path.join(dir, "cache"), microCache, drain }),
    );
  site();
  fs.writeFileSync(conf, mainConf(dir));
  const args = ["-p", dir, "-c", conf];
  await run(NGINX_BIN, [...args, "-t", "-q"]);
  let output = "";
  const child: ChildProcess = spawn(NGINX_BIN, [...args, "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (b) => (output += b));
  child.stderr!.on("data", (b) => (output += b));
  const base = `http://127.0.0.1:${o.port}`;
  /** The master's child processes (workers, cache manager and loader), from /proc. */
  const children = () =>
    new Set(
      fs.readdirSync("/proc").filter((pid) => {
        if (!/^\d+$/.test(pid)) return false;
        try {
          // "pid (comm) state ppid …": comm may hold spaces, so read after the last ")".
          const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
          return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === child.pid;
        } catch {
          return false;
        }
      }),
    );
  /** Waits until a reload has replaced every child that was there before it (at most 30 s). */
  const waitReloaded = async (before: Set<string>) => {
    const until = Date.now() + 30_000;
    for (;;) {
      const now = children();
      if (now.size > 0 && [...before].every((pid) => !now.has(pid))) return;
      if (Date.now() > until) throw new Error(`nginx: old workers still running 30 s after a reload (${[...before].join(", ")})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${output}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.status > 0,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${o.port}: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const accessLines = () => {
    const file = path.join(dir, "access.log");
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
  };
  const errorLog = () => (fs.existsSync(path.join(dir, "error.log")) ? fs.readFileSync(path.join(dir, "error.log"), "utf8") : "");
  return {
    base,
    reconfigure: async ({ drain, microCache }) => {
      site(drain, microCache === undefined ? o.microCache : microCache);
      await run(NGINX_BIN, [...args, "-t", "-q"]);
      const before = children();
      const started = Date.now();
      await run(NGINX_BIN, [...args, "-s", "reload"]);
      // Until the old workers have exited, they may still be starting requests with the old
      // configuration (a drained node still in it): docs/deployment.md's rolling restart waits too.
      await waitReloaded(before);
      console.log(`[topology] nginx reload: old workers gone after ${Date.now() - started} ms`);
    },
    accessLines,
    errorLog,
    diagnosis: () => {
      const odd = accessLines().filter((l) => l.includes(", ") || !/^\S+ 2\d\d /.test(l));
      return `retried or not 2xx (last 20):\n${odd.slice(-20).join("\n")}\nerror log:\n${errorLog().slice(-3000)}`;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGQUIT");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
