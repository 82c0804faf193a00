import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PASSWORD_PAGE } from "@/lib/accounts/landing";
import { POLICY, type PolicyName, type Rule } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/roles";
import { scopeFor } from "@/lib/auth/scope";
import { Refusal } from "@/lib/errors";
import { signInAs, testUsers } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";
import { cases, type Case, type Outcome, type RouteCase } from "./authorization-cases";
import { admins, seedAuthorizationFixture, type Fixture } from "./authorization-fixture";
import { experts } from "./selection-fixtures";
import { peerHeaders } from "../support/peer";

/**
 * The authorization matrix (issues 6 and 11): every server action, route handler and page loader
 * found in the code against every kind of caller, the expected answer read from the policy table
 * (lib/auth/policy.ts).
 *  - Discovery: every exported function of every "use server" file, every HTTP method exported
 *    by an app/**\/route.ts and every exported load* of lib/**\/loaders.ts (and *-loaders.ts) must
 *    have a row in POLICY, and every row must name one of them. Every console page must call a
 *    loader whose row is not public, or requirePolicy itself.
 *  - Calls: the real action / handler / loader on a real database, as: signed out; each role; the
 *    other authority's officer and an unassigned expert (for "own" / "assigned" rules); and the
 *    first allowed role with a password change pending. A refused call must come back
 *    UNAUTHENTICATED / FORBIDDEN (401 / 403, a redirect to sign-in or to the password page, a page's
 *    403); an allowed one must not; on "own" and "assigned" rows the own officer / assigned expert
 *    must reach the record (no NOT_FOUND / 404 page) and the other one must not (refused or not found).
 */
process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "authz-matrix-"));
process.env.API_RATE_LIMIT_PER_MINUTE = "0";

vi.mock("next-intl/server", () => import("./imports-i18n"));
// lib/auth/actions.ts imports AuthError from next-auth, which needs Next's runtime (Auth.js itself is mocked in setup.ts).
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(peerHeaders("198.51.100.9")),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

const ROOT = process.cwd();
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function walk(dir: string, keep: (file: string) => boolean): string[] {
  return (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .map((f) => path.join(dir, f))
    .filter((f) => !f.includes("node_modules") && keep(f))
    .sort();
}

/** A file whose first statement is the "use server" directive (comments before it allowed). */
function isServerActionFile(file: string): boolean {
  if (!/\.(ts|tsx|js|mjs)$/.test(file) || file.includes(`${path.sep}generated${path.sep}`)) return false;
  const src = fs.readFileSync(path.join(ROOT, file), "utf8").replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^["']use server["']/.test(src);
}

/** "app/(console)/console/audit/export/route.ts" → "/console/audit/export" (route groups left out). */
export function routePath(file: string): string {
  const segments = path.dirname(path.relative("app", file)).split(path.sep);
  return `/${segments.filter((s) => s !== "." && !/^\(.*\)$/.test(s)).join("/")}`;
}

/** A page loader's file: lib/**\/loaders.ts, or a domain's second one such as lib/stats/console-loaders.ts. */
const isLoaderFile = (file: string) => /^(.+-)?loaders\.ts$/.test(path.basename(file));

type Callable = (...args: unknown[]) => Promise<unknown>;
const actions = new Map<string, { file: string; fn: Callable }>();
const routes = new Map<string, { file: string; fn: Callable | undefined }>();
const loaders = new Map<string, { file: string; fn: Callable }>();
const duplicates: string[] = [];

async function discover() {
  const actionFiles = walk("lib", isServerActionFile).concat(walk("app", isServerActionFile), walk("components", isServerActionFile));
  for (const file of actionFiles) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn !== "function") continue;
      if (actions.has(name)) duplicates.push(`${name} in ${file} and ${actions.get(name)!.file}`);
      actions.set(name, { file, fn: fn as Callable });
    }
  }
  for (const file of walk("app", (f) => /(^|\/)route\.(ts|js)$/.test(f))) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS.filter((m) => m in mod)) {
      routes.set(`${method} ${routePath(file)}`, { file, fn: mod[method] as Callable | undefined });
    }
  }
  for (const file of walk("lib", isLoaderFile)) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn !== "function" || !/^load[A-Z]/.test(name)) continue;
      if (loaders.has(name) || actions.has(name)) duplicates.push(`${name} in ${file} and ${(loaders.get(name) ?? actions.get(name))!.file}`);
      loaders.set(name, { file, fn: fn as Callable });
    }
  }
}

// ── Callers ─────────────────────────────────────────────────────────────────────────────────────
type Persona = { label: string; user: SessionUser | null; other?: boolean; pending?: boolean };
const byRole: Record<SessionUser["role"], SessionUser> = {
  MINISTRY_ADMIN: testUsers.admin,
  MINISTRY_STAFF: testUsers.ministry,
  PROVINCE_OFFICER: testUsers.gdOfficer,
  EXPERT: experts.bj,
  AUDITOR: testUsers.auditor,
  SYSTEM_ADMIN: admins.sysadmin,
  SECURITY_ADMIN: admins.secadmin,
  AUDIT_ADMIN: admins.auditadmin,
};
const basePersonas: Persona[] = [
  { label: "signed out", user: null },
  ...Object.entries(byRole).map(([role, user]) => ({ label: role, user })),
  { label: "PROVINCE_OFFICER of another authority", user: testUsers.zjOfficer, other: true },
  { label: "EXPERT not assigned", user: experts.sh, other: true },
];

function personasFor(rule: Rule): Persona[] {
  const firstRole = typeof rule === "object" ? (Object.keys(rule)[0] as SessionUser["role"]) : "MINISTRY_ADMIN";
  const pending = { label: `${firstRole} with a password change pending`, user: { ...byRole[firstRole], mustChangePassword: true }, pending: true };
  return [...basePersonas, pending];
}

type Expectation = "allow" | "reach" | "deny" | "keep out";

function expectation(rule: Rule, p: Persona, c: Case): Expectation {
  if (rule === "public") return "allow";
  if (!p.user) return "deny";
  if (rule === "signed-in") return "allow";
  if (p.pending) return "deny";
  const authority = rule[p.user.role];
  if (!authority) return "deny";
  if ((authority === "own" || authority === "assigned") && !c.noTarget) return p.other ? "keep out" : "reach";
  return "allow";
}

// ── Outcomes ────────────────────────────────────────────────────────────────────────────────────
const DENIAL_CODES = new Set(["UNAUTHENTICATED", "FORBIDDEN"]);
type Seen = "denied" | "hidden" | "reached";

function outcomeOf(value: unknown): Outcome {
  if (value && typeof value === "object" && "ok" in value) {
    const r = value as { ok: boolean; code?: string; detail?: { reason?: unknown } };
    return { ok: r.ok, code: r.code, reason: typeof r.detail?.reason === "string" ? r.detail.reason : undefined };
  }
  return { ok: true };
}

/** A page loader: its data, or what the page would do — redirect, 403 or 404 (null: nothing to show). */
async function callLoader(fn: Callable, args: unknown[]): Promise<Outcome> {
  try {
    const value = await fn(...args);
    return value === null ? { ok: false, code: "NOT_FOUND" } : { ok: true, value };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, code: e.code };
    const message = (e as Error).message;
    if (message === "NEXT_FORBIDDEN") return { ok: false, code: "FORBIDDEN" };
    if (message === "NEXT_NOT_FOUND") return { ok: false, code: "NOT_FOUND" };
    const m = /^NEXT_REDIRECT:(.*)$/.exec(message);
    if (m) return { ok: true, redirect: m[1] };
    throw e;
  }
}

async function callAction(fn: Callable, args: unknown[]): Promise<Outcome> {
  try {
    return outcomeOf(await fn(...args));
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, code: e.code };
    const m = /^NEXT_REDIRECT:(.*)$/.exec((e as Error).message);
    if (m) return { ok: true, redirect: m[1] };
    throw e;
  }
}

async function callRoute(fn: Callable, c: RouteCase, fx: Fixture): Promise<Outcome> {
  const { path: p, init, params } = c.request(fx);
  const res = (await fn(new Request(`http://localhost${p}`, init), { params: Promise.resolve(params ?? {}) })) as Response;
  await res.arrayBuffer().catch(() => undefined);
  const location = res.headers.get("location") ?? undefined;
  const code = /[?&]error=([A-Z_]+)/.exec(location ?? "")?.[1];
  return { ok: res.status < 400 && !code, status: res.status, code, redirect: location };
}

function seen(o: Outcome, c: Case): Seen {
  if (o.code && DENIAL_CODES.has(o.code)) return "denied";
  if (o.status === 401 || o.status === 403) return "denied";
  const redirect = o.redirect ? new URL(o.redirect, "http://localhost").pathname : undefined;
  if (redirect === "/sign-in" || redirect === PASSWORD_PAGE) return "denied";
  if (o.code === "NOT_FOUND" || o.status === 404) return "hidden";
  if ("hiddenWhen" in c && c.hiddenWhen?.(o)) return "hidden";
  return "reached";
}

const fits: Record<Expectation, (s: Seen) => boolean> = {
  allow: (s) => s !== "denied",
  reach: (s) => s === "reached",
  deny: (s) => s === "denied",
  "keep out": (s) => s !== "reached",
};

// ── The test ────────────────────────────────────────────────────────────────────────────────────
let t: TestDb;
let fx: Fixture;
let calls = 0;

beforeAll(async () => {
  await discover();
  t = await openTestDb();
  fx = await seedAuthorizationFixture(t.client);
});
afterAll(async () => {
  signInAs(null);
  await t?.close();
  fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
  console.info(`authorization matrix: ${actions.size} actions, ${routes.size} route handlers, ${loaders.size} page loaders, ${calls} calls`);
});

const names = Object.keys(POLICY) as PolicyName[];

describe(`authorization matrix (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("finds the actions, route handlers and page loaders it expects to walk", () => {
    expect(duplicates).toEqual([]);
    expect(actions.size).toBeGreaterThan(40);
    expect(routes.size).toBeGreaterThan(30);
    expect(loaders.size).toBeGreaterThan(35);
    expect(loaders.has("loadConsoleHome")).toBe(true);
    expect(routePath("app/(console)/console/audit/export/route.ts")).toBe("/console/audit/export");
  });

  it("has a policy row for every action, route handler and page loader, and no row for anything else", () => {
    const found = [...actions.keys(), ...routes.keys(), ...loaders.keys()].sort();
    const fileOf = (n: string) => actions.get(n)?.file ?? routes.get(n)?.file ?? loaders.get(n)?.file;
    const missing = found.filter((n) => !(n in POLICY)).map((n) => `${n} (${fileOf(n)}) has no row in lib/auth/policy.ts`);
    const stale = names.filter((n) => !fileOf(n)).map((n) => `${n} is in lib/auth/policy.ts but no such action, route or loader exists`);
    expect([...missing, ...stale]).toEqual([]);
    expect(Object.keys(cases).sort()).toEqual([...names].sort());
  });

  it('gates every role-ruled action and route with its own row (authorize("<name>") appears in the code)', () => {
    const sources = [...walk("lib", (f) => /\.tsx?$/.test(f) && !f.endsWith("policy.ts")), ...walk("app", (f) => /\.tsx?$/.test(f))]
      .map((f) => fs.readFileSync(path.join(ROOT, f), "utf8"))
      .join("\n");
    const unreferenced = names.filter((n) => POLICY[n] !== "public" && !sources.includes(`"${n}"`));
    expect(unreferenced).toEqual([]);
  });

  it('gates every non-public loader in its own file with requirePolicy("<its name>"), and no page gate by role list is left', () => {
    const problems: string[] = [];
    for (const [name, { file }] of loaders) {
      const src = fs.readFileSync(path.join(ROOT, file), "utf8");
      if (POLICY[name as PolicyName] !== "public" && !src.includes(`"${name}"`)) problems.push(`${name} (${file}) does not name its row`);
      if (/\brequire(Role|User|SignedIn)\(/.test(src)) problems.push(`${file} gates with a role list or without a row`);
    }
    expect(problems).toEqual([]);
  });

  it("gates every console page through a loader that has a non-public row, or requirePolicy", () => {
    const pages = walk("app", (f) => f.startsWith(path.join("app", "(console)", "console")) && path.basename(f) === "page.tsx");
    expect(pages.length).toBeGreaterThan(25);
    const ungated = pages.filter((f) => {
      const src = fs.readFileSync(path.join(ROOT, f), "utf8");
      const called = [...src.matchAll(/\b(load[A-Z]\w*)\(/g)].map((m) => m[1]);
      return !/\brequirePolicy\(/.test(src) && !called.some((n) => loaders.has(n) && POLICY[n as PolicyName] !== "public");
    });
    expect(ungated).toEqual([]);
  });

  it('declares "own" exactly for the roles the authority scope confines to their authority', () => {
    const confined = (role: SessionUser["role"]) => {
      const u = { id: "u", username: "u", displayName: "", role, authorityId: "guangdong" };
      return scopeFor(u) !== null && scopeFor(u, "zhejiang") === null;
    };
    const problems: string[] = [];
    for (const n of names) {
      const rule = POLICY[n];
      if (typeof rule !== "object") continue;
      for (const [role, a] of Object.entries(rule) as [SessionUser["role"], string][]) {
        if (a === "own" && !confined(role)) problems.push(`${n}: ${role} is "own" but the scope does not confine ${role}`);
        // "self" (the caller's own records) lies inside the caller's authority anyway.
        if (a !== "own" && a !== "self" && confined(role)) problems.push(`${n}: ${role} is "${a}" but the scope confines ${role} to its own authority`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(names)("%s", async (name) => {
    const rule = POLICY[name];
    const c = cases[name];
    if ("skip" in c && c.skip) {
      expect(rule).toBe("public");
      return;
    }
    const mismatches: string[] = [];
    for (const p of personasFor(rule)) {
      signInAs(p.user);
      const want = expectation(rule, p, c);
      const o =
        "args" in c
          ? await callAction(actions.get(name)!.fn, c.args(fx))
          : "load" in c
            ? await callLoader(loaders.get(name)!.fn, c.load(fx))
            : await callRoute(routes.get(name)!.fn as Callable, c, fx);
      calls++;
      const got = seen(o, c);
      const shown = JSON.stringify({ ...o, value: o.value === undefined ? undefined : "(page data)" });
      if (process.env.AUTHZ_DEBUG) console.log(`${name} | ${p.label} | ${want} | ${got} | ${shown}`);
      if (!fits[want](got)) mismatches.push(`${p.label}: expected ${want}, got ${got} ${shown}`);
      if (want === "deny" && "args" in c) {
        // The gate comes before the input is read: an empty form tells a refused caller nothing about the fields.
        const args = c.args(fx);
        const blank = await callAction(actions.get(name)!.fn, args.length ? [...args.slice(0, -1), new FormData()] : []);
        calls++;
        if (seen(blank, c) !== "denied") mismatches.push(`${p.label} with an empty form: expected deny, got ${JSON.stringify(blank)}`);
      }
    }
    signInAs(null);
    expect(mismatches).toEqual([]);
  });
});
