import { describe, expect, it } from "vitest";
import { changedParts, DIGEST_PARTS, DIGEST_PATTERN, factsDigest } from "@/lib/verify/digest";
import type { VerifyFacts } from "@/lib/verify/types";
import { VALID_DAYS, withValidity } from "@/lib/verify/validity";

const facts: VerifyFacts = {
  publicCode: "ABCDEFG2",
  schoolId: "s1",
  nameZh: "深圳技师学院",
  nameEn: "Shenzhen Technician College",
  formerNames: [],
  tier: "TECHNICIAN_COLLEGE",
  tierSince: "2006-12-25",
  status: "OPERATING",
  statusSince: "2006-12-25",
  onRegister: true,
  authority: { id: "guangdong", nameZh: "广东省", nameEn: "Guangdong Province" },
  designations: [],
  lastConfirmedAt: "2026-10-27T01:35:45.732Z",
  isDemo: false,
  checkedAt: "2026-11-28T17:38:13.321Z",
};

describe("the facts digest", () => {
  it("is well-formed and leaves out the time of the check, the confirmation time and the authority's display names", () => {
    const digest = factsDigest(facts);
    expect(digest).toMatch(DIGEST_PATTERN);
    const sameFacts = { ...facts, checkedAt: "2027-01-01T00:00:00.000Z", lastConfirmedAt: null, authority: { ...facts.authority, nameEn: "Guangdong" } };
    expect(factsDigest(sameFacts)).toBe(digest);
  });

  it("names exactly the part that changed", () => {
    const digest = factsDigest(facts);
    const changes: [Partial<VerifyFacts>, string][] = [
      [{ nameZh: "深圳技工学院" }, "name"],
      [{ formerNames: ["深圳高级技工学校"] }, "name"],
      [{ tier: "SENIOR_TECHNICAL_SCHOOL" }, "tier"],
      [{ status: "RECTIFYING" }, "status"],
      [{ statusSince: "2026-12-01" }, "status"],
      [{ authority: { id: "zhejiang", nameZh: "浙江省", nameEn: "Zhejiang" } }, "authority"],
      [
        {
          designations: [
            {
              kind: "KEY_SCHOOL",
              level: "NATIONAL",
              status: "ACTIVE",
              title: null,
              batchLabel: null,
              documentNo: null,
              startDate: "2020-01-01",
              endDate: null,
              major: null,
            },
          ],
        },
        "designations",
      ],
    ];
    for (const [change, part] of changes) expect(changedParts(digest, factsDigest({ ...facts, ...change }))).toEqual([part]);
    expect(changedParts(digest, digest)).toEqual([]);
    expect(changedParts(digest, `v1${".AAAAAAAAAAAA".repeat(5)}`)).toEqual([...DIGEST_PARTS]);
  });

  it("a snapshot's period ends validDays days after the check", () => {
    const data = withValidity(facts, 90);
    expect(data).toMatchObject({ validDays: 90, validUntil: "2027-02-26T17:38:13.321Z", digest: factsDigest(facts) });
    expect(withValidity(facts, VALID_DAYS.default).validUntil).toBe("2026-12-28T17:38:13.321Z");
  });
});
