import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { revalidatePath } from "next/cache";
import { publishReleaseAction } from "@/lib/opendata/actions";
import { updateSchoolAction } from "@/lib/schools/actions";
import { EDITABLE_FIELDS } from "@/lib/schools/form-schema";
import { runWrite } from "@/lib/db/unit-of-work";
import { publishRelease } from "@/lib/opendata/releases/publish";
import { applyDelta, type Delta } from "@/lib/opendata/releases/delta";
import { readReleaseData } from "@/lib/opendata/releases/files";
import { releaseBytes, releaseJson, releaseText } from "../support/stored-files";
import { DATASETS } from "@/lib/opendata/releases/records";
import { systemActor } from "@/lib/request/actor";
import { signInAs, testUsers } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";
import { editSchool, seedOpenData } from "../support/opendata-fixtures";
import { peerHeaders } from "../support/peer";

// Actions read the client address from the request headers.
vi.mock("next/headers", () => ({ headers: async () => new Headers(peerHeaders("192.0.2.7")) }));

/**
 * Versioned releases: files, manifest and sha256 sums, the Release row and its audit event, and
 * the changelog — a release, one edit, a second release: the changelog lists exactly that edit.
 */
// DATA_DIR for the server action (which uses the configured folder): a temporary one.
const base = fs.mkdtempSync(path.join(os.tmpdir(), "releases-test-"));
process.env.DATA_DIR = base;

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  await seedOpenData(t.client);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(base, { recursive: true, force: true });
});

const readJson = releaseJson;
/** Publishes as a script does: the system actor, no transaction of its own, at `now`. */
async function publishAt(now: Date) {
  const { data } = await runWrite({ actor: systemActor("test"), scope: null, now, source: "system" }, (ctx) => publishRelease(ctx), {
    transaction: false,
  });
  return data;
}

/**
 * The delta file: listed in the manifest with its sha256 and counts, and the previous release's
 * records with the delta applied are exactly this release's records.
 */
async function expectDeltaApplies(previous: string, slug: string) {
  const manifest = await readJson(slug, "manifest.json");
  const bytes = await releaseBytes(slug, "delta.json");
  expect(manifest.delta).toMatchObject({ name: "delta.json", previous, sha256: createHash("sha256").update(bytes).digest("hex") });
  expect(manifest.changesCursor).toMatch(/^[A-Za-z0-9_-]+$/);
  const delta = JSON.parse(bytes.toString("utf8")) as Delta;
  const byId = (rows: { id: unknown }[]) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const applied = applyDelta((await readReleaseData(previous))!, delta);
  const current = (await readReleaseData(slug))!;
  for (const name of DATASETS) {
    expect(byId(applied[name] as { id: unknown }[])).toEqual(byId(current[name] as { id: unknown }[]));
    const d = delta.datasets[name];
    expect(manifest.delta.counts[name]).toEqual({ added: d.added.length, changed: d.changed.length, removed: d.removed.length });
  }
}

describe("open-data releases", () => {
  it("writes a dated release with CSV, JSON, manifest and changelog", async () => {
    const r = await publishAt(new Date("2026-03-01T20:00:00Z"));
    // 20:00 UTC is already 2 March in Shanghai.
    expect(r.slug).toBe("2026-03-02-1");
    const names = (await t.client.openDataReleaseFile.findMany({ where: { release: { slug: r.slug } }, select: { name: true } })).map((f) => f.name).sort();
    expect(names).toEqual(
      [
        "changelog.json",
        "changelog.md",
        "delta.json",
        "designations.csv",
        "designations.json",
        "majors.csv",
        "majors.json",
        "manifest.json",
        "school-majors.csv",
        "school-majors.json",
        "schools.csv",
        "schools.json",
      ].sort(),
    );
    const manifest = await readJson(r.slug, "manifest.json");
    expect(manifest).toMatchObject({
      schemaVersion: "1.0",
      release: r.slug,
      previous: null,
      counts: { schools: 3, majors: 2, designations: 2, "school-majors": 1 },
    });
    for (const f of manifest.files as { name: string; bytes: number; sha256: string }[]) {
      const bytes = await releaseBytes(r.slug, f.name);
      expect(bytes.byteLength).toBe(f.bytes);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(f.sha256);
    }
    const csv = await releaseText(r.slug, "schools.csv");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split("\r\n")[0]).toMatch(/^\uFEFFid,publicCode,nameZh,nameEn,/);
    expect(csv).toContain("深圳技师学院");
    // Nothing internal leaves the registry.
    expect(csv + (await releaseText(r.slug, "schools.json"))).not.toMatch(/0755|张三|contact/);
    const row = await t.client.openDataRelease.findUniqueOrThrow({ where: { slug: r.slug } });
    expect(row.counts).toEqual(manifest.counts);
    expect((row.files as unknown[]).length).toBe(12);
    const audit = await t.client.auditEvent.findFirstOrThrow({ where: { entityType: "OpenDataRelease", entityId: row.id } });
    expect(audit.action).toBe("opendata.release");
    const changelog = await readJson(r.slug, "changelog.json");
    expect(changelog.previous).toBeNull();
    expect(changelog.datasets.schools.added).toHaveLength(3);
  });

  it("a release, one edit, a second release: the changelog lists exactly that edit", async () => {
    await editSchool(t.client, "s-gz", { nameEn: "Guangzhou Industry and Trade Technician College", contactPhone: "020-1111111" });
    const second = await publishAt(new Date("2026-03-02T03:00:00Z"));
    expect(second.slug).toBe("2026-03-02-2");
    const changelog = await readJson(second.slug, "changelog.json");
    expect(changelog.previous).toBe("2026-03-02-1");
    expect(changelog.previousUnavailable).toBe(false);
    expect(changelog.datasets.schools).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          id: "s-gz",
          label: "广州市工贸技师学院 (GZGM235Y)",
          fields: [{ name: "nameEn", before: null, after: "Guangzhou Industry and Trade Technician College" }],
        },
      ],
    });
    for (const name of ["majors", "designations", "school-majors"]) expect(changelog.datasets[name]).toEqual({ added: [], changed: [], removed: [] });
    expect(second.changeSummary.schools).toEqual({ added: 0, changed: 1, removed: 0 });
    const md = await releaseText(second.slug, "changelog.md");
    expect(md).toContain("`nameEn`: — → Guangzhou Industry and Trade Technician College");
    expect(md).not.toContain("020-1111111");
    await expectDeltaApplies("2026-03-02-1", second.slug);
  });

  it("records removals and additions, and lists releases newest first", async () => {
    await t.client.designation.create({
      data: { id: "d3", schoolId: "s-gz", kind: "TRAINING_BASE", level: "NATIONAL", status: "ACTIVE", startDate: new Date("2026-01-01T00:00:00Z") },
    });
    const third = await publishAt(new Date("2026-03-05T03:00:00Z"));
    expect(third.changeSummary.designations).toEqual({ added: 1, changed: 0, removed: 0 });
    expect((await readJson(third.slug, "delta.json")).datasets.designations.added.map((r: { id: string }) => r.id)).toEqual(["d3"]);
    await expectDeltaApplies("2026-03-02-2", third.slug);
    const rows = await t.client.openDataRelease.findMany({ orderBy: [{ releaseDate: "desc" }, { sequence: "desc" }] });
    expect(rows.map((r) => r.slug)).toEqual(["2026-03-05-1", "2026-03-02-2", "2026-03-02-1"]);
    // Every stored file belongs to a release file, and nothing is written to the data folder.
    expect(await t.client.storedFile.count()).toBe(await t.client.openDataReleaseFile.count());
    expect(fs.existsSync(path.join(base, "releases"))).toBe(false);
  });

  it("two publishers at once: each release gets its own number and its own twelve files", async () => {
    const at = new Date("2026-03-06T03:00:00Z");
    const [a, b] = await Promise.all([publishAt(at), publishAt(at)]);
    expect([a.slug, b.slug].sort()).toEqual(["2026-03-06-1", "2026-03-06-2"]);
    for (const r of [a, b]) {
      expect(await t.client.openDataReleaseFile.count({ where: { release: { slug: r.slug } } })).toBe(12);
      expect((await readJson(r.slug, "manifest.json")).release).toBe(r.slug);
    }
  });

  it("the publish button's action: ministry administrators only, audited with the actor", async () => {
    for (const user of [null, testUsers.ministry, testUsers.gdOfficer, testUsers.auditor]) {
      signInAs(user);
      const r = await publishReleaseAction(null, new FormData());
      expect(r).toMatchObject({ ok: false, code: user ? "FORBIDDEN" : "UNAUTHENTICATED" });
    }
    const before = await t.client.openDataRelease.count();
    signInAs(testUsers.admin);
    const r = await publishReleaseAction(null, new FormData());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await t.client.openDataRelease.count()).toBe(before + 1);
    expect((await readJson(r.data.slug, "manifest.json")).release).toBe(r.data.slug);
    const row = await t.client.openDataRelease.findUniqueOrThrow({ where: { slug: r.data.slug } });
    expect(row.createdById).toBe(testUsers.admin.id);
    const audit = await t.client.auditEvent.findFirstOrThrow({ where: { entityType: "OpenDataRelease", entityId: row.id } });
    // The one actor label (issue 11, finding 7): the display name, as every other domain writes it — not the user name.
    expect(audit).toMatchObject({ actorId: testUsers.admin.id, actorLabel: testUsers.admin.displayName, action: "opendata.release", source: "web" });
    expect(revalidatePath).toHaveBeenCalledWith("/data");
    signInAs(null);
  });

  it("an edit through the console's edit action shows in the next release's changelog, and nothing else", async () => {
    // Later than every release above (one of them was published "now" by the action).
    const later = Date.now() + 400 * 86_400_000;
    const first = await publishAt(new Date(later));
    // The edit form submits every editable field; only the website changes (and a contact, which is not public).
    const s = await t.client.school.findUniqueOrThrow({ where: { id: "s-hz" } });
    const form: Record<string, unknown> = { id: s.id, version: s.version };
    for (const f of EDITABLE_FIELDS) {
      const v = (s as Record<string, unknown>)[f];
      form[f] = v instanceof Date ? v.toISOString().slice(0, 10) : Array.isArray(v) ? v.join("\n") : (v ?? "");
    }
    form.website = "https://www.hzqc.example.cn";
    form.contactPhone = "0571-2222222";
    signInAs({ id: "u-zj", username: "zj-officer", displayName: "浙江经办人", role: "PROVINCE_OFFICER", authorityId: "zhejiang" });
    const edited = await updateSchoolAction(form);
    signInAs(null);
    expect(edited).toMatchObject({ ok: true, data: { changed: 2 } });
    const second = await publishAt(new Date(later + 60_000));
    const changelog = await readJson(second.slug, "changelog.json");
    expect(changelog.previous).toBe(first.slug);
    expect(changelog.datasets.schools.changed).toEqual([
      { id: "s-hz", label: "杭州汽车高级技工学校 (HZQC236V)", fields: [{ name: "website", before: null, after: "https://www.hzqc.example.cn" }] },
    ]);
    expect(second.changeSummary).toEqual({
      schools: { added: 0, changed: 1, removed: 0 },
      "school-majors": { added: 0, changed: 0, removed: 0 },
      majors: { added: 0, changed: 0, removed: 0 },
      designations: { added: 0, changed: 0, removed: 0 },
    });
  });
});
