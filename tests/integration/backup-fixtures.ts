import { Prisma, type PrismaClient } from "@/lib/db/client";

/**
 * Rows for every table the demo seed leaves empty, and values that are easy to get wrong in a
 * dump: jsonb null versus SQL NULL, bytea with every byte, a bigint past 2^53, floats that are not
 * exact in decimal, control characters, emoji and mixed scripts, dates at the edges.
 */
export const ODD_TEXT = "广州「技师」学院\t\u0001\u001f 🚀 Ελληνικά ‮RTL‬ \\ \" ' ; -- =cmd|' /C calc'!A0\r\n尾";
export const EVERY_BYTE = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
export const BIG = 9_007_199_254_740_993n;

export async function addBackupFixture(client: PrismaClient) {
  const expert = await client.user.findFirstOrThrow({ where: { role: "EXPERT" }, select: { id: true } });
  const school = await client.school.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true, authorityId: true } });
  const batch = await client.selectionBatch.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
  const application = await client.selectionApplication.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
  const at = new Date("2026-02-28T23:59:59.999Z");

  await client.expertAffiliation.create({ data: { expertId: expert.id, schoolId: school.id, note: ODD_TEXT, declaredAt: at } });
  await client.importJob.create({
    data: {
      kind: "SCHOOLS",
      authorityId: school.authorityId,
      createdById: expert.id,
      fileName: "名单 (最终).xlsx",
      format: "xlsx",
      encoding: null,
      rowCount: 3,
      fields: ["nameZh", "uscc", ODD_TEXT],
      payload: EVERY_BYTE,
      summary: { nested: { deep: [1, 2.5, -0, null, "x"] }, big: 12345678901234567890, tiny: 1e-300, text: ODD_TEXT },
    },
  });
  // Stored files (lib/files): chunks with every byte value, named by an attachment and a release file.
  const stored = (contentType: string) =>
    client.storedFile.create({
      data: { sizeBytes: EVERY_BYTE.length, sha256: "e".repeat(64), contentType, chunks: { create: [{ seq: 0, data: EVERY_BYTE }] } },
      select: { id: true },
    });
  const pdfFile = await stored("application/pdf");
  const csvFile = await stored("text/csv; charset=utf-8");
  await client.openDataRelease.create({
    data: {
      stored: { create: [{ name: "schools.csv", fileId: csvFile.id }] },
      slug: "2026-01-01-1",
      releaseDate: new Date("2026-01-01"),
      sequence: 1,
      schemaVersion: "1.0",
      generatedAt: at,
      counts: { schools: 640 },
      files: [{ name: "schools.csv", bytes: 1, sha256: "0".repeat(64) }],
      changeSummary: {},
    },
  });
  await client.rateLimitBucket.create({ data: { key: "ip:2001:db8::1", windowStart: at, count: 2_147_483_647 } });
  await client.signInThrottle.create({ data: { key: "ip:203.0.113.9", windowStart: new Date("1970-01-01T00:00:00Z"), count: 3 } });
  await client.securityPolicy.create({ data: { id: "default", passwordMinLength: 14 } });
  await client.selectionAttachment.create({
    data: { applicationId: application.id, fileName: "证明材料.pdf", sizeBytes: 1024, sha256: "a".repeat(64), fileId: pdfFile.id },
  });
  await client.selectionQuota.create({ data: { batchId: batch.id, authorityId: school.authorityId, quota: 7 } });
  await client.confirmationCampaign.create({
    data: { year: 2001, deadline: new Date("2001-12-31T00:00:00Z"), openedAt: at, openedById: expert.id, closedAt: at, closedById: expert.id },
  });
  await client.signingKey.create({
    data: { id: "key-1", publicKeyPem: "-----BEGIN PUBLIC KEY-----\nAAA\n-----END PUBLIC KEY-----\n", privateKeyPem: "secret\n" },
  });
  await client.notification.create({
    data: {
      userId: expert.id,
      kind: "reviewAssigned",
      params: { batch: ODD_TEXT },
      link: "/console/selection/reviews",
      dedupeKey: "k:1",
      createdAt: at,
      readAt: at,
      mailedAt: at,
    },
  });
  // An e-mail address near the 254-character limit (the demo accounts have short ones).
  await client.user.update({ where: { id: expert.id }, data: { email: `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.cn` } });
  await client.userSession.create({ data: { userId: expert.id, expiresAt: new Date("9999-12-31T23:59:59.999Z"), idleMinutes: 30, ip: "::1" } });
  await client.apiKey.create({
    data: { hash: "f".repeat(64), prefix: "jgyx_AbC-", name: ODD_TEXT.slice(0, 80), ownerId: expert.id, lastUsedAt: at, revokedAt: at, revokedById: expert.id },
  });
  const hook = await client.webhookSubscription.create({
    data: {
      ownerId: expert.id,
      target: "DESIGNATION_KIND",
      targetValue: "QUALITY_SCHOOL",
      url: `https://hooks.example.com/${encodeURIComponent(ODD_TEXT)}`,
      secret: "whsec_x",
      cursorAt: at,
      enabled: false,
      disabledAt: at,
      disabledReason: "FAILING",
    },
  });
  await client.webhookDelivery.create({
    data: {
      subscriptionId: hook.id,
      eventId: "audit:1",
      payload: { text: ODD_TEXT, nothing: null },
      attempts: 12,
      nextAttemptAt: null,
      lastStatusCode: 503,
      lastError: ODD_TEXT.slice(0, 200),
      gaveUpAt: at,
    },
  });
  await client.errorReport.create({
    data: {
      code: "BKUP2345",
      schoolId: school.id,
      authorityId: school.authorityId,
      field: "address",
      problem: ODD_TEXT,
      proposed: ODD_TEXT,
      contact: null,
      ipHash: "e".repeat(64),
      status: "DECLINED",
      resolvedAt: at,
      resolution: ODD_TEXT,
    },
  });
  // JSON null and database NULL are different values; a dump must keep them apart.
  await client.auditEvent.create({
    data: { actorLabel: ODD_TEXT, action: "backup.fixture", entityType: "Fixture", entityId: "1", before: Prisma.JsonNull, after: Prisma.DbNull },
  });
  await client.auditEvent.create({
    data: { actorLabel: "x", action: "backup.fixture", entityType: "Fixture", entityId: "2", before: "a JSON string", after: [0.1, 0.2, 0.30000000000000004] },
  });
  await client.selectionBatch.update({ where: { id: batch.id }, data: { spreadThreshold: 0.1 + 0.2, cutLine: -1.2345678901234567e-7 } });
  await client.dataVersion.update({ where: { id: 1 }, data: { version: BIG } });
}
