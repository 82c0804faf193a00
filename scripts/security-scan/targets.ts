/**
 * What `npm run security:scan` hands to sqlmap: every GET parameter of every public /api/v1 and
 * feed operation (read from the OpenAPI document, so a new parameter is scanned without editing
 * this file), the public search page and verification page, and the sign-in form (POST).
 * Each parameter gets a real, valid baseline value so that sqlmap compares against a 200 page.
 */
export type Target = {
  /** Shown in docs/security.md. */
  name: string;
  /** sqlmap arguments that pick the request: -u URL [-p params] or -r request-file. */
  args: string[];
  /** Parameter names as reported (path parameters and form fields by their own names). */
  params: string[];
  /** How sqlmap names each parameter in its output (to match results). */
  sqlmapNames: Record<string, string>;
  /** Slow targets (rendered pages; the sign-in form hashes a password and writes audit rows per request) get the lighter level. */
  light?: boolean;
};

type Schema = { type?: string; enum?: unknown[]; default?: unknown; minimum?: number; format?: string; example?: unknown };
type Param = { name: string; in: "query" | "path"; required?: boolean; schema?: Schema };
type OpenApi = { paths: Record<string, Record<string, { parameters?: Param[] }>> };

export type Samples = {
  schoolId: string;
  publicCode: string;
  majorId: string;
  edition: string;
  keyId: string | null;
  release: { slug: string; file: string } | null;
};

export async function loadSamples(base: string): Promise<Samples> {
  const get = async (p: string) => (await fetch(`${base}${p}`)).json();
  const schools = await get("/api/v1/schools?pageSize=1");
  const majors = await get("/api/v1/majors");
  const keys = await get("/api/v1/keys");
  const releases = await get("/api/v1/releases");
  const rel = releases.data?.[0];
  return {
    schoolId: schools.data[0].id,
    publicCode: schools.data[0].publicCode,
    majorId: majors.categories?.[0]?.majors?.[0]?.id ?? "demo",
    edition: majors.edition?.code ?? "demo",
    keyId: keys.current ?? null,
    release: rel ? { slug: rel.slug, file: rel.files?.[0]?.name ?? "schools.csv" } : null,
  };
}

/** A valid value for a parameter, so that the unmodified request answers 200. */
function baseline(p: Param, s: Samples): string {
  const byName: Record<string, string> = {
    q: "技师",
    authority: "guangdong",
    city: "440100",
    major: s.majorId,
    school: s.schoolId,
    id: s.schoolId,
    code: s.publicCode,
    asOf: "2026-01-01",
    since: "2026-01-01T00:00:00+08:00",
    edition: s.edition,
  };
  if (byName[p.name]) return byName[p.name];
  const sc = p.schema ?? {};
  if (sc.default !== undefined) return String(sc.default);
  if (sc.enum?.length) return String(sc.enum[0]);
  if (sc.type === "integer") return String(sc.minimum ?? 1);
  if (sc.example !== undefined) return String(sc.example);
  return "1";
}

/** Path parameters whose value has a fixed suffix: the marker goes before it. */
function pathValue(path: string, name: string, s: Samples): string | null {
  if (path.startsWith("/feeds/authorities/")) return "guangdong*.atom";
  if (path.startsWith("/feeds/schools/")) return `${s.schoolId}*.atom`;
  if (path.startsWith("/api/v1/keys/")) return s.keyId ? `${s.keyId}*.pem` : "key*.pem";
  if (path.startsWith("/api/v1/releases/")) {
    // No release published on a fresh database: a well-formed slug that answers 404 (sqlmap is told to go on).
    const r = s.release ?? { slug: "2026-01-01-1", file: "schools.csv" };
    return name === "slug" ? `${r.slug}*` : `${r.file}*`;
  }
  return null;
}

export function apiTargets(base: string, doc: OpenApi, s: Samples): Target[] {
  const out: Target[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    const params = ops.get?.parameters ?? [];
    if (!ops.get || params.length === 0) continue;
    const pathParams = params.filter((p) => p.in === "path");
    const query = params.filter((p) => p.in === "query");
    const fill = (marked: string | null) =>
      path.replace(/\{(\w+)\}/g, (_, n: string) => {
        const p = pathParams.find((x) => x.name === n)!;
        const special = pathValue(path, n, s);
        if (n === marked) return special ?? `${encodeURIComponent(baseline(p, s))}*`;
        return (special ?? encodeURIComponent(baseline(p, s))).replace("*", "");
      });
    if (query.length) {
      const qs = query.map((p) => `${p.name}=${encodeURIComponent(baseline(p, s))}`).join("&");
      const names = query.map((p) => p.name);
      out.push({
        name: `GET ${path}`,
        args: ["-u", `${base}${fill(null)}?${qs}`, "-p", names.join(",")],
        params: names,
        sqlmapNames: Object.fromEntries(names.map((n) => [n, n])),
      });
    }
    for (const p of pathParams) {
      out.push({ name: `GET ${path} (path)`, args: ["-u", `${base}${fill(p.name)}`], params: [`{${p.name}}`], sqlmapNames: { [`{${p.name}}`]: "#1*" } });
    }
  }
  return out;
}

/** The public pages: search (same parameters as GET /api/v1/schools, without format) and verification. */
export function pageTargets(base: string, doc: OpenApi, s: Samples): Target[] {
  const search = (doc.paths["/api/v1/schools"]?.get?.parameters ?? []).filter((p) => p.in === "query" && p.name !== "format");
  const qs = search.map((p) => `${p.name}=${encodeURIComponent(baseline(p, s))}`).join("&");
  const names = search.map((p) => p.name);
  return [
    {
      name: "GET /schools (search page)",
      args: ["-u", `${base}/schools?${qs}`, "-p", names.join(",")],
      params: names,
      sqlmapNames: Object.fromEntries(names.map((n) => [n, n])),
      light: true,
    },
    { name: "GET /verify/{code} (page)", args: ["-u", `${base}/verify/${s.publicCode}*`], params: ["{code}"], sqlmapNames: { "{code}": "#1*" }, light: true },
  ];
}

/**
 * The sign-in form as a browser without JavaScript posts it (multipart, Next's hidden action
 * fields read from the page), with injection markers on the username and password.
 */
export async function signInTarget(base: string, requestFile: string, write: (file: string, text: string) => void): Promise<Target> {
  const html = await (await fetch(`${base}/sign-in`)).text();
  const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)].map((m) => [
    m[1],
    (m[2] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
  ]);
  if (!hidden.some(([n]) => n.startsWith("$ACTION"))) throw new Error("sign-in form: no server action fields found");
  const boundary = "----securityscan7d1f";
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = [...hidden.map(([n, v]) => part(n, v)), part("username", "scanner*"), part("password", "Scanner#2026pass*")].join("") + `--${boundary}--\r\n`;
  const url = new URL(`${base}/sign-in`);
  const raw = [
    `POST /sign-in HTTP/1.1`,
    `Host: ${url.host}`,
    `Origin: ${url.origin}`,
    `Content-Type: multipart/form-data; boundary=${boundary}`,
    `Accept: text/html`,
    "",
    body,
  ].join("\r\n");
  write(requestFile, raw);
  // A fresh X-Forwarded-For per request (the server trusts it in the scan): the per-address
  // sign-in limit would otherwise answer every payload the same after 20 attempts.
  return {
    name: "POST /sign-in (form)",
    args: ["-r", requestFile, "--tamper=xforwardedfor"],
    params: ["username", "password"],
    // sqlmap names custom markers in a multipart body by their order.
    sqlmapNames: { username: "MULTIPART #1*", password: "MULTIPART #2*" },
    light: true,
  };
}
