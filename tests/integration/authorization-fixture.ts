import type { PrismaClient } from "@/lib/db/generated/client";
import type { SessionUser } from "@/lib/auth/roles";
import { storeBytes } from "@/lib/files/mutations";
import { createSchoolAction } from "@/lib/schools/actions";
import { signInAs, testUsers } from "../support/session";
import { createForm, fakeUscc } from "./schools-fixtures";
import { experts, S, seedSelectionFixtures } from "./selection-fixtures";

/**
 * The records the authorization matrix calls actions on: two authorities (guangdong = "own",
 * zhejiang = "other") with schools, a school with all its fields, a school major, an officer's
 * committed import job, an open batch with a draft and a submitted guangdong application, an
 * expert assignment without conflict, two stored evidence PDFs, and an account to manage.
 */
export const admins = {
  sysadmin: { id: "u-sysadmin", username: "sysadmin", displayName: "系统管理员", role: "SYSTEM_ADMIN", authorityId: null },
  secadmin: { id: "u-secadmin", username: "secadmin", displayName: "安全管理员", role: "SECURITY_ADMIN", authorityId: null },
  auditadmin: { id: "u-auditadmin", username: "auditadmin", displayName: "审计管理员", role: "AUDIT_ADMIN", authorityId: null },
} satisfies Record<string, SessionUser>;

export type Fixture = {
  school: { id: string; row: Record<string, unknown> };
  schoolMajorId: string;
  majorId: string;
  importJobId: string;
  batchId: string;
  draftAppId: string;
  submittedAppId: string;
  assignmentId: string;
  attachmentId: string;
  removableAttachmentId: string;
  targetAccountId: string;
  /** Open public error reports on a Guangdong school: one the matrix declines, one its loaders read. */
  errorReportId: string;
  openErrorReportId: string;
};

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

export async function seedAuthorizationFixture(c: PrismaClient): Promise<Fixture> {
  await seedSelectionFixtures(c);
  await c.division.create({ data: { code: "440100", nameZh: "广州市", nameEn: "Guangzhou", authorityId: "guangdong" } });
  await c.user.createMany({
    data: [...Object.values(admins), { id: "u-target", username: "target", displayName: "被管理账号", role: "MINISTRY_STAFF" as const, authorityId: null }].map(
      (u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        authorityId: u.authorityId,
        passwordHash: "x",
      }),
    ),
  });

  // A guangdong school with every field (created the way the form does).
  signInAs(testUsers.admin);
  const created = await createSchoolAction(createForm({ nameZh: "广州市授权矩阵技工学校", uscc: fakeUscc(4242) }));
  signInAs(null);
  if (!created.ok) throw new Error(`fixture school: ${created.code}`);
  const row = await c.school.findUniqueOrThrow({ where: { id: created.data.id } });

  const edition = await c.majorCatalogEdition.create({ data: { code: "T2026", nameZh: "测试目录", nameEn: "Test catalogue", isCurrent: true } });
  const category = await c.majorCategory.create({ data: { editionId: edition.id, code: "01", nameZh: "机械类", nameEn: "Mechanical" } });
  const major = await c.major.create({ data: { editionId: edition.id, categoryId: category.id, code: "0101-4", nameZh: "数控加工", nameEn: "CNC machining" } });
  const sm = await c.schoolMajor.create({ data: { schoolId: S.gd1, majorId: major.id, level: "INTERMEDIATE", startingPoint: "JUNIOR_SECONDARY", years: 3 } });

  const result = { jobId: "job-gd", kind: "schools", counts: { create: 0, update: 0, unchanged: 0, error: 0 }, created: [], updated: [] };
  await c.importJob.create({
    data: {
      id: "job-gd",
      kind: "SCHOOLS",
      authorityId: "guangdong",
      createdById: testUsers.gdOfficer.id,
      fileName: "schools.csv",
      format: "csv",
      status: "COMMITTED",
      rowCount: 0,
      fields: [],
      payload: Buffer.from(""),
      summary: { kind: "schools", total: 0, counts: result.counts, issues: [], sample: [], result },
      committedAt: new Date(),
    },
  });

  const now = Date.now();
  const batch = await c.selectionBatch.create({
    data: {
      year: 2026,
      nameZh: "授权矩阵测试批次",
      kind: "SCHOOL",
      status: "APPLYING",
      targetCount: 5,
      eligibleTiers: ["TECHNICIAN_COLLEGE"],
      eligibleStatuses: ["OPERATING"],
      defaultQuota: 2,
      windowOpensAt: new Date(now - 86_400_000),
      windowClosesAt: new Date(now + 10 * 86_400_000),
    },
  });
  const app = (schoolId: string, status: "DRAFT" | "SUBMITTED") =>
    c.selectionApplication.create({
      data: { batchId: batch.id, schoolId, authorityId: "guangdong", status, submittedAt: status === "SUBMITTED" ? new Date() : null },
    });
  const draft = await app(S.gd1, "DRAFT");
  const submitted = await app(S.gd2, "SUBMITTED");
  // The Beijing expert reviews a Guangdong application: no conflict. The Shanghai expert holds none.
  const assignment = await c.reviewAssignment.create({ data: { applicationId: draft.id, expertId: experts.bj.id } });
  const stored = await c.$transaction((tx) => storeBytes(tx, PDF, "application/pdf"));
  const attach = (fileName: string) =>
    c.selectionAttachment.create({ data: { applicationId: draft.id, fileName, sizeBytes: PDF.length, sha256: stored.sha256, fileId: stored.id } });
  const attachment = await attach("证明材料.pdf");
  const removable = await attach("待删除.pdf");

  const report = (code: string) =>
    c.errorReport.create({
      data: { code, schoolId: S.gd1, authorityId: "guangdong", field: "address", problem: "地址有误", proposed: "广州市新地址", ipHash: "0".repeat(64) },
    });
  const [declinable, open] = [await report("AUTHZ0001"), await report("AUTHZ0002")];

  return {
    errorReportId: declinable.id,
    openErrorReportId: open.id,
    school: { id: row.id, row: row as unknown as Record<string, unknown> },
    schoolMajorId: sm.id,
    majorId: major.id,
    importJobId: "job-gd",
    batchId: batch.id,
    draftAppId: draft.id,
    submittedAppId: submitted.id,
    assignmentId: assignment.id,
    attachmentId: attachment.id,
    removableAttachmentId: removable.id,
    targetAccountId: "u-target",
  };
}
