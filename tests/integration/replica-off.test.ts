import { beforeAll, describe, expect, it, vi } from "vitest";
import { db, readDb, replicaDb } from "@/lib/db/client";
import { cachedRead } from "@/lib/db/read-cache";
import { READ_AFTER_COOKIE } from "@/lib/db/replica-cookie";
import { replicaHealth, replicaProbeCount } from "@/lib/db/replica-health";
import { onPublicRead } from "@/lib/db/replica-route";
import { getPublicSchool } from "@/lib/public/data";
import { createSchoolAction, updateSchoolAction } from "@/lib/schools/actions";
import { jar } from "../support/cookie-jar";
import { signInAs, testUsers } from "../support/session";
import { createForm, editForm, schoolTestDb } from "./schools-fixtures";

vi.mock("next/headers", async () => (await import("../support/cookie-jar")).nextHeaders);

/**
 * Without DATABASE_REPLICA_URL (PGlite, or PostgreSQL with TEST_DATABASE_URL) the replica rules
 * change nothing: every read is the primary's, no probe runs, no cookie is set after a write.
 */
const t = schoolTestDb();
let id: string;

beforeAll(async () => {
  signInAs(testUsers.gdOfficer);
  const created = await createSchoolAction(createForm({ nameEn: "No Replica School" }));
  if (!created.ok) throw new Error(JSON.stringify(created));
  id = created.data.id;
});

describe("without a read replica", () => {
  it("reads the primary inside and outside a public read", async () => {
    expect(replicaDb()).toBeNull();
    expect(readDb()).toBe(db());
    expect(await onPublicRead(async (client) => client === db() && readDb() === db())).toBe(true);
    expect(await cachedRead(`replica-off:${Math.random()}`, async () => readDb() === t.client)).toBe(true);
  });

  it("sets no cookie after a write, runs no probe, and the write is read back at once", async () => {
    jar.clear();
    const probes = replicaProbeCount();
    const row = await t.client.school.findUniqueOrThrow({ where: { id } });
    const res = await updateSchoolAction(editForm(row, { nameEn: "No Replica School, renamed" }));
    expect(res.ok).toBe(true);
    expect(jar.has(READ_AFTER_COOKIE)).toBe(false);
    expect((await getPublicSchool(id))?.nameEn).toBe("No Replica School, renamed");
    expect(await replicaHealth()).toBeNull();
    expect(replicaProbeCount()).toBe(probes);
  });
});
