import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { demoAccounts } from "./support/accounts";
import { zh } from "./support/messages";
import { signIn } from "./support/sign-in";

/**
 * Web hardening against the production build (issue 6 §5): security headers with a per-request
 * CSP nonce; server actions refuse cross-origin calls (proxy.ts answers 403 before Next.js, which
 * would answer a bare 500) and nothing is written; error responses carry no stack trace, SQL or
 * Prisma text; uploads are judged by their bytes, not their names.
 */
const EVIL = "https://evil.example";
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a48f0000000049454e44ae426082",
  "hex",
);
const HTML = Buffer.from("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What no response may contain: stack frames, file paths of the server, SQL or Prisma internals. */
const LEAKS: [string, RegExp][] = [
  ["stack frame", /\n\s+at [^\n]+\(?[^\s()]+:\d+:\d+\)?/],
  ["stack label", /"stack"\s*:|Error: [^\n<]*\n\s+at /],
  ["server path", /\/work\/|node_modules\/|\.next[-\w]*\/server/],
  ["Prisma", /prisma|PrismaClient|P20\d\d\b/i],
  ["SQL", /\bSELECT\s+[\w"*., ]+\s+FROM\b|\bINSERT INTO\b|\bsyntax error at or near\b|\brelation "\w+"|\bpg_catalog\b|invalid byte sequence/i],
];

function expectNoLeak(label: string, body: string) {
  for (const [what, re] of LEAKS) expect(body, `${label}: ${what} in the response`).not.toMatch(re);
}

/** The id of `setLocaleAction` (the language switch), read from the page's client chunks. */
async function localeActionId(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/")).text();
  const chunks = [...new Set([...html.matchAll(/src="(\/_next\/static\/chunks\/[^"]+\.js)"/g)].map((m) => m[1]))];
  for (const src of chunks) {
    const js = await (await request.get(src)).text();
    const m = /createServerReference\)\("([0-9a-f]{20,})"[^)]*"setLocaleAction"\)/.exec(js);
    if (m) return m[1];
  }
  throw new Error(`setLocaleAction not found in ${chunks.length} chunks`);
}

function callLocaleAction(request: APIRequestContext, id: string, origin: string | null, locale = "en"): Promise<APIResponse> {
  return request.post("/", {
    headers: {
      "Next-Action": id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      ...(origin === null ? {} : { Origin: origin }),
    },
    data: JSON.stringify([locale]),
  });
}

const setsLocale = (r: APIResponse) => r.headersArray().some((h) => h.name.toLowerCase() === "set-cookie" && /^locale=/.test(h.value));

test.describe("security headers", () => {
  test("pages carry a per-request CSP nonce, frame-ancestors 'none', nosniff and a referrer policy", async ({ request }) => {
    const nonces: string[] = [];
    for (const path of ["/", "/schools?q=%E6%8A%80%E5%B8%88", "/sign-in"]) {
      const r = await request.get(path);
      expect(r.status()).toBe(200);
      const h = r.headers();
      const csp = h["content-security-policy"];
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(h["x-frame-options"]).toBe("DENY");
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      // Next.js puts the nonce on its own scripts: every script tag carries it.
      const html = await r.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  test("API responses and refusals carry nosniff too", async ({ request }) => {
    for (const path of ["/api/v1/schools?pageSize=1", "/api/v1/schools?page=abc"]) {
      expect((await request.get(path)).headers()["x-content-type-options"]).toBe("nosniff");
    }
  });
});

test.describe("server actions refuse cross-origin calls", () => {
  test("the language-switch action: same origin sets the cookie; another, null or malformed Origin gets 403 and writes nothing", async ({
    request,
    baseURL,
  }) => {
    const id = await localeActionId(request);
    const same = await callLocaleAction(request, id, baseURL!);
    expect(same.status()).toBe(200);
    expect(setsLocale(same)).toBe(true);

    for (const origin of [EVIL, "null", "http://", `${baseURL}.evil.example`, "https://127.0.0.1.evil.example"]) {
      const r = await callLocaleAction(request, id, origin, "zh-CN");
      expect(r.status(), `Origin: ${origin}`).toBe(403);
      expect(setsLocale(r), `Origin: ${origin} set the cookie`).toBe(false);
      const body = await r.text();
      expect(body).toContain("拒绝跨站请求");
      expect(body).toContain("Cross-site request refused");
      expect(r.headers()["x-content-type-options"]).toBe("nosniff");
    }
  });

  test("a cross-site sign-in form post (login CSRF) is refused and no session is created", async ({ page, baseURL }) => {
    await page.goto("/sign-in");
    const form = page.getByRole("main").locator("form").first();
    const fields: Record<string, string> = {};
    for (const input of await form.locator("input[type=hidden]").all()) {
      const name = await input.getAttribute("name");
      if (name) fields[name] = (await input.getAttribute("value")) ?? "";
    }
    expect(Object.keys(fields).some((k) => k.startsWith("$ACTION"))).toBe(true);
    const request = page.context().request;
    const multipart = { ...fields, username: demoAccounts.admin.username, password: demoAccounts.admin.password };
    const r = await request.post("/sign-in", { headers: { Origin: EVIL }, multipart, maxRedirects: 0 });
    expect(r.status()).toBe(403);
    expect(r.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie")).toEqual([]);
    // Still signed out: the console sends the visitor to the sign-in page.
    await page.goto("/console");
    await expect(page).toHaveURL(/\/sign-in/);
    expect(baseURL).toBeTruthy();
  });

  test("route handlers that write (import upload, evidence upload) refuse another Origin before reading the body", async ({ page, baseURL }) => {
    await signIn(page, demoAccounts.gdOfficer);
    const request = page.context().request;
    const file = { name: "院校.csv", mimeType: "text/csv", buffer: Buffer.from("院校名称,层次\n示例技工学校,技工学校\n") };
    const evil = await request.post("/console/imports/upload", { headers: { Origin: EVIL }, multipart: { kind: "schools", file } });
    expect(evil.status()).toBe(403);
    const attach = await request.post("/console/selection/applications/any/attachments", {
      headers: { Origin: EVIL },
      multipart: { file: { name: "a.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") } },
    });
    expect(attach.status()).toBe(403);
    // The same upload from the site itself is read (and answered as an NDJSON dry run).
    const same = await request.post("/console/imports/upload", { headers: { Origin: baseURL! }, multipart: { kind: "schools", file } });
    expect(same.status()).toBe(200);
    expect(await same.text()).toContain('"phase"');
  });
});

test.describe("uploads are judged by content, not by name", () => {
  test("an .xlsx that is really a PNG or an HTML page is refused; so is a .pdf that is not a PDF", async ({ page, baseURL }) => {
    await signIn(page, demoAccounts.gdOfficer);
    const request = page.context().request;
    const upload = async (name: string, mimeType: string, buffer: Buffer) => {
      const r = await request.post("/console/imports/upload", {
        headers: { Origin: baseURL! },
        multipart: { kind: "schools", file: { name, mimeType, buffer } },
      });
      const text = await r.text();
      expectNoLeak(name, text);
      const last = JSON.parse(text.trim().split("\n").pop()!);
      return { status: r.status(), last };
    };
    // The dry run streams NDJSON (200); its last line is the outcome.
    const png = await upload("院校名单.xlsx", XLSX_TYPE, PNG);
    expect([200, 400]).toContain(png.status);
    expect(png.last).toMatchObject({ phase: "error", error: { key: "notSpreadsheet" } });
    // HTML is text: read as CSV it has none of the import's headers, so nothing is imported.
    const html = await upload("院校名单.xlsx", XLSX_TYPE, HTML);
    expect(html.last.phase).toBe("error");
    expect(["noHeader", "notSpreadsheet"]).toContain(html.last.error.key);
    const pdf = await upload("证明材料.pdf", "application/pdf", HTML);
    expect(pdf.last.phase).toBe("error");
    // A ZIP that is no workbook (the bytes of a .docx-like container with junk) is refused too.
    const zip = await upload("院校名单.xlsx", XLSX_TYPE, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]));
    expect(zip.last).toMatchObject({ phase: "error", error: { key: "notSpreadsheet" } });
  });
});

test.describe("error responses leak nothing", () => {
  test("bad API parameters, unknown ids, NUL bytes, malformed action bodies and forms: no stack, SQL or Prisma text", async ({ request, baseURL }) => {
    const id = await localeActionId(request);
    const origin = { Origin: baseURL! };
    const cases: [string, () => Promise<APIResponse>, (s: number) => boolean][] = [
      ["API bad page", () => request.get("/api/v1/schools?page=abc"), (s) => s === 400],
      ["API SQL in enum", () => request.get("/api/v1/schools?tier=%27%20OR%201%3D1--"), (s) => s === 400],
      ["API NUL in q", () => request.get("/api/v1/schools?q=%00"), (s) => s === 400],
      ["API long q", () => request.get(`/api/v1/schools?q=${"院".repeat(5000)}`), (s) => s === 400 || s === 414 || s === 431],
      ["API unknown parameter", () => request.get("/api/v1/schools?__proto__[x]=1"), (s) => s === 400],
      ["API unknown school", () => request.get("/api/v1/schools/no-such-school"), (s) => s === 404],
      ["API NUL school id", () => request.get("/api/v1/schools/%00"), (s) => s === 400 || s === 404],
      ["API bad verify code", () => request.get("/api/v1/verify/%27%3B--"), (s) => s === 400],
      ["API bad asOf", () => request.get("/api/v1/schools/x?asOf=2026-02-30"), (s) => s === 400 || s === 404],
      ["API bad since", () => request.get("/api/v1/changes?since=yesterday"), (s) => s === 400],
      ["API POST", () => request.post("/api/v1/schools", { data: "{", headers: { "Content-Type": "application/json" } }), (s) => s === 405],
      ["page unknown school", () => request.get("/schools/no-such-school"), (s) => s === 404],
      // NUL in a path or query is refused by proxy.ts before any page runs (issue 12, finding 5).
      ["page NUL school", () => request.get("/schools/%00"), (s) => s === 400],
      ["page NUL search", () => request.get("/schools?q=%00"), (s) => s === 400],
      ["page unknown verify", () => request.get("/verify/ZZZZZZZZ"), (s) => s === 200 || s === 404],
      [
        "action unknown id",
        () => request.post("/", { headers: { ...origin, "Next-Action": "40" + "a".repeat(40), "Content-Type": "text/plain" }, data: '["en"]' }),
        (s) => s >= 400,
      ],
      [
        "action malformed id",
        () => request.post("/", { headers: { ...origin, "Next-Action": "'; DROP TABLE", "Content-Type": "text/plain" }, data: '["en"]' }),
        (s) => s >= 400,
      ],
      [
        "action malformed JSON",
        () => request.post("/", { headers: { ...origin, "Next-Action": id, "Content-Type": "text/plain" }, data: '["en' }),
        (s) => s >= 400,
      ],
      [
        "action malformed multipart",
        () => request.post("/", { headers: { ...origin, "Next-Action": id, "Content-Type": "multipart/form-data; boundary=zz" }, data: "garbage" }),
        (s) => s >= 400,
      ],
      [
        "upload signed out",
        () =>
          request.post("/console/imports/upload", {
            headers: origin,
            multipart: { kind: "schools", file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("a") } },
          }),
        (s) => s === 401,
      ],
      ["audit export signed out", () => request.get("/console/audit/export?actor=%00", { maxRedirects: 0 }), (s) => s >= 300],
    ];
    for (const [label, call, statusOk] of cases) {
      const r = await call();
      expect(statusOk(r.status()), `${label}: status ${r.status()}`).toBe(true);
      expectNoLeak(label, await r.text());
    }
  });
});

test.describe("bad URLs are a 400 with the security headers (issue 12, finding 5)", () => {
  /** The outside test's URLs (signed in as an officer, as it ran them) and their relatives. */
  const URLS = [
    "/console/schools/export?authority=%00",
    "/console/selection/attachments/%00",
    "/schools/%ff",
    "/api/v1/verify/%ff",
    "/feeds/schools/%ff.atom",
    "/console/schools/%ff",
    "/console/schools/%ff/edit",
    "/api/v1/schools/%E4%B8",
    "/schools/%ED%A0%80",
    "/notices/%",
  ];

  test("each answers 400 — never Next's bare 500 — with the headers, a bilingual page or the API's error body, and no stack", async ({ page }) => {
    await signIn(page, demoAccounts.gdOfficer);
    const request = page.context().request;
    for (const url of URLS) {
      const r = await request.get(url, { maxRedirects: 0 });
      expect(r.status(), url).toBe(400);
      const h = r.headers();
      expect(h["x-content-type-options"], url).toBe("nosniff");
      expect(h["x-frame-options"], url).toBe("DENY");
      expect(h["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
      expect(h["content-security-policy"], url).toContain("frame-ancestors 'none'");
      const body = await r.text();
      expectNoLeak(url, body);
      if (url.startsWith("/api/")) {
        expect(JSON.parse(body), url).toMatchObject({ error: { code: "VALIDATION", parameters: [{ name: "path", key: "malformedPath" }] } });
      } else {
        expect(h["content-security-policy"], url).toMatch(/'nonce-[^']+'/);
        expect(body, url).toContain("网址无法识别");
        expect(body, url).toContain("This address cannot be read");
      }
    }
  });
});

test.describe("/api/auth/session after sign-out (issue 12, finding 6)", () => {
  test("the old cookie replayed after sign-out gets null; before, the answer names only the user and session ids", async ({ page, playwright, baseURL }) => {
    await signIn(page, demoAccounts.gdOfficer);
    const cookie = (await page.context().cookies())
      .filter((c) => c.name.startsWith("authjs.session-token"))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    expect(cookie).not.toBe("");
    // A client of its own, holding nothing but the copied cookie (the attacker's replay).
    const replay = await playwright.request.newContext({ baseURL });
    const before = await (await replay.get("/api/auth/session", { headers: { cookie } })).json();
    expect(Object.keys(before.user).sort()).toEqual(["id", "sessionId"]);

    await page.getByRole("button", { name: zh("auth.signOut") }).click();
    await expect(page).not.toHaveURL(/\/console/);
    const after = await replay.get("/api/auth/session", { headers: { cookie } });
    expect(after.status()).toBe(200);
    expect(await after.json()).toBeNull();
    // And every gate still refuses the cookie.
    const gated = await replay.get("/console", { headers: { cookie }, maxRedirects: 0 });
    expect(gated.status()).toBeGreaterThanOrEqual(300);
    await replay.dispose();
  });
});
