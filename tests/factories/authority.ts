import { AUTHORITIES, authorityRow } from "../../prisma/demo/authorities";
import { DIVISIONS } from "../../prisma/demo/divisions";
import type { Db } from "./sequence";

/**
 * Ensures an authority exists and returns its id: one of the 32 real ones (with its divisions)
 * by slug, or — for an unknown id — a made-up provincial authority without a GB code.
 */
export async function makeAuthority(db: Db, id = "guangdong"): Promise<string> {
  const real = AUTHORITIES.find((a) => a.id === id);
  const row = real
    ? authorityRow(real)
    : { id, gbCode: null, nameZh: `测试${id}`, nameEn: `Test ${id}`, shortZh: `测试${id}`, kind: "PROVINCE" as const, sortOrder: 9999 };
  await db.authority.createMany({ data: [row], skipDuplicates: true });
  if (real) await db.division.createMany({ data: DIVISIONS.filter((d) => d.authorityId === id), skipDuplicates: true });
  return id;
}

/** Ensures a division exists (a real one by code, else a made-up one under the authority). */
export async function makeDivision(db: Db, code: string, authorityId = "guangdong"): Promise<string> {
  await makeAuthority(db, authorityId);
  const real = DIVISIONS.find((d) => d.code === code);
  await db.division.createMany({
    data: [real ?? { code, nameZh: `测试市${code}`, nameEn: `Test city ${code}`, authorityId }],
    skipDuplicates: true,
  });
  return code;
}

/**
 * Real authorities with only the named real divisions: the reference rows most integration tests
 * share, with lists of cities that stay short and stable.
 */
export async function makeReference(db: Db, authorityIds: string[], divisionCodes: string[]): Promise<void> {
  await db.authority.createMany({ data: authorityIds.map((id) => authorityRow(AUTHORITIES.find((a) => a.id === id)!)), skipDuplicates: true });
  await db.division.createMany({ data: DIVISIONS.filter((d) => divisionCodes.includes(d.code)), skipDuplicates: true });
}
