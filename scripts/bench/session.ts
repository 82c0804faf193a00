import fs from "node:fs";
import path from "node:path";
import { BROWSER_HEADERS } from "./measure";

/** Cookies from Set-Cookie headers, as one Cookie header value (name=value pairs only). */
function cookieHeader(jar: Map<string, string>, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/**
 * Signs in through Auth.js's own endpoints (CSRF token, then the credentials callback). Returns
 * the Cookie header of the session, or null when the sign-in was refused (no session cookie).
 */
export async function trySignIn(base: string, username: string, password: string): Promise<{ cookie: string | null; status: number; location: string }> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookies = cookieHeader(jar, csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/console` }).toString(),
  });
  const cookie = cookieHeader(jar, res);
  const ok = [...jar.keys()].some((k) => k.includes("session-token"));
  return { cookie: ok ? cookie : null, status: res.status, location: res.headers.get("location") ?? "" };
}

export async function signIn(base: string, username: string, password: string): Promise<string> {
  const r = await trySignIn(base, username, password);
  if (!r.cookie) throw new Error(`Sign-in as ${username} gave no session cookie (HTTP ${r.status} ${r.location})`);
  return r.cookie;
}

/** Signs out through Auth.js (which ends the database session). */
export async function signOut(base: string, cookie: string): Promise<number> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`, { headers: { Cookie: cookie } });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = new Map(cookie.split("; ").map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)] as [string, string]));
  const all = cookieHeader(jar, csrfRes);
  const res = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: all },
    body: new URLSearchParams({ csrfToken, callbackUrl: base }).toString(),
  });
  return res.status;
}

/** A static file of the build (a JS chunk of a few kB), served by the same server: the ceiling. */
export function staticAsset(distDir: string): { path: string; bytes: number } {
  const dir = path.join(distDir, "static/chunks");
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .map((f) => ({ f, bytes: fs.statSync(path.join(dir, f)).size }))
    .filter((x) => x.bytes >= 2_000 && x.bytes <= 50_000)
    .sort((a, b) => a.bytes - b.bytes || a.f.localeCompare(b.f));
  if (!files.length) throw new Error(`No JS chunk of 2–50 kB in ${dir}`);
  const mid = files[Math.floor(files.length / 2)];
  return { path: `/_next/static/chunks/${mid.f}`, bytes: mid.bytes };
}

/** The console school list as the benchmark asks it: signed in as gd-officer (one authority) and as ministry (all). */
export async function consoleListSpecs(base: string, paths: string[]) {
  const officer = await signIn(base, "gd-officer", "Officer#2026demo");
  const ministry = await signIn(base, "ministry", "Ministry#2026demo");
  const headers = (cookie: string) => ({ ...BROWSER_HEADERS, cookie });
  return {
    officer,
    ministry,
    specs: [
      { name: "console list, officer (gd-officer)", paths, headers: headers(officer) },
      { name: "console list, ministry (all authorities)", paths, headers: headers(ministry) },
    ],
  };
}
