import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { peerHeaders } from "./peer";

/**
 * Runs scripts/verify-snapshot.mjs as a relying party would (a child process, files on disk), and
 * serves route handlers over real HTTP for its --online check. Asynchronous on purpose: the server
 * answers from this process while the script waits.
 */
export type ScriptRun = { code: number; stdout: string; stderr: string };

const SCRIPT = path.join(process.cwd(), "scripts/verify-snapshot.mjs");

export async function runVerifyScript(snapshot: unknown, keyPem: string, extra: string[] = []): Promise<ScriptRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-script-"));
  const [snapFile, keyFile] = [path.join(dir, "snapshot.json"), path.join(dir, "key.pem")];
  fs.writeFileSync(snapFile, typeof snapshot === "string" ? snapshot : JSON.stringify(snapshot, null, 2));
  fs.writeFileSync(keyFile, keyPem);
  try {
    return await new Promise((resolve) => {
      execFile(process.execPath, [SCRIPT, snapFile, keyFile, ...extra], { timeout: 30_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
/** A path pattern whose named groups are the route's params, and its handler. */
export type Served = { pattern: RegExp; handler: Handler };

/** A local HTTP server in front of route handlers; close() when done. */
export async function serveRoutes(routes: Served[]): Promise<{ base: string; close: () => Promise<void>; hits: string[] }> {
  const hits: string[] = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    hits.push(`${url.pathname}${url.search}`);
    const route = routes.map((r) => ({ r, m: r.pattern.exec(url.pathname) })).find((x) => x.m);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const params = Object.fromEntries(Object.entries(route.m!.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
    const answer = await route.r.handler(new Request(url, { headers: peerHeaders("203.0.113.77") }), { params: Promise.resolve(params) });
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
