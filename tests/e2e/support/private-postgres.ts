import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A throw-away PostgreSQL cluster for the fault tests: initdb into a temp directory, pg_ctl start on
 * a free port, stop it (immediate or fast) and start it again at will. The server binaries come
 * from Debian's postgresql-15 package (installed by .ci/run); PG_BIN overrides the directory.
 * initdb refuses to run as root, so as root every command runs as the `postgres` user.
 */
export const PG_BIN = process.env.PG_BIN || "/usr/lib/postgresql/15/bin";

export function pgBinariesPresent(): boolean {
  return ["initdb", "pg_ctl", "postgres"].every((b) => fs.existsSync(path.join(PG_BIN, b)));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, args: string[]) {
  const cmd = asRoot ? "runuser" : path.join(PG_BIN, bin);
  const argv = asRoot ? ["-u", "postgres", "--", path.join(PG_BIN, bin), ...args] : args;
  const r = spawnSync(cmd, argv, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(" ")} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

export type PrivateCluster = {
  port: number;
  /** The superuser's URL for a database of the cluster. */
  url: (database: string) => string;
  start: () => void;
  stop: (mode: "immediate" | "fast") => void;
  destroy: () => void;
};

export async function createPrivateCluster(): Promise<PrivateCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registry-fault-pg-"));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-U", "registry", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`;
  const cluster: PrivateCluster = {
    port,
    url: (database) => `postgresql://registry@127.0.0.1:${port}/${database}`,
    start: () => run("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-o", options, "-w", "-t", "30", "start"]),
    stop: (mode) => run("pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "30", "stop"]),
    destroy: () => {
      spawnSync(asRoot ? "runuser" : path.join(PG_BIN, "pg_ctl"), [
        ...(asRoot ? ["-u", "postgres", "--", path.join(PG_BIN, "pg_ctl")] : []),
        "-D",
        data,
        "-m",
        "immediate",
        "stop",
      ]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}
