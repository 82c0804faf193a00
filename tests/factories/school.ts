import type { Prisma } from "../../lib/db/generated/client";
import { schoolNamePinyin } from "../../lib/schools/pinyin";
import { makePublicCode } from "../../lib/schools/public-code";
import { USCC_ALPHABET, withCheckChar } from "../../lib/schools/uscc";
import { authorityById } from "../../prisma/demo/authorities";
import { divisionsOf } from "../../prisma/demo/divisions";
import { makeAuthority } from "./authority";
import { factoryRandom, uniqueTag, type Db } from "./sequence";

export type MadeSchool = { id: string; publicCode: string; nameZh: string; authorityId: string; version: number };

/**
 * Inserts an operating, public 技工学校 (confirmed now, with a valid illustrative USCC) in
 * "guangdong" unless overridden; the authority is created if missing. namePinyin/nameInitials
 * follow nameZh unless given. Not demo data (isDemo false) unless overridden.
 */
export async function makeSchool(db: Db, overrides: Partial<Prisma.SchoolUncheckedCreateInput> = {}): Promise<MadeSchool> {
  const authorityId = await makeAuthority(db, overrides.authorityId ?? "guangdong");
  const t = uniqueTag();
  const nameZh = overrides.nameZh ?? `测试${t.replace(/[^a-z0-9]/g, "")}技工学校`;
  const region = authorityById.get(authorityId)?.gbCode ?? "659001";
  let org = "";
  for (let i = 0; i < 9; i++) org += USCC_ALPHABET[Math.floor(factoryRandom() * USCC_ALPHABET.length)];
  const data: Prisma.SchoolUncheckedCreateInput = {
    publicCode: makePublicCode(factoryRandom),
    nameZh,
    ...schoolNamePinyin(nameZh),
    tier: "TECHNICAL_SCHOOL",
    tierSince: new Date("2015-06-01T00:00:00Z"),
    ownership: "PUBLIC",
    sponsorType: "HR_DEPARTMENT",
    divisionCode: divisionsOf(authorityId)[0]?.code ?? null,
    uscc: withCheckChar(`12${region}${org}`),
    establishedDate: new Date("2015-06-01T00:00:00Z"),
    status: "OPERATING",
    statusSince: new Date("2015-06-01T00:00:00Z"),
    lastConfirmedAt: new Date(),
    ...overrides,
    authorityId,
  };
  return db.school.create({ data, select: { id: true, publicCode: true, nameZh: true, authorityId: true, version: true } });
}
