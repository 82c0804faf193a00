import { describe, expect, it } from "vitest";
import { jsonLdText, schoolJsonLd, type JsonLd } from "@/lib/linked-data/json-ld";
import { translator } from "@/lib/opendata/messages";
import { schoolSchema } from "@/lib/opendata/schemas/response";
import type { PublicSchool } from "@/lib/public/types";

/**
 * The school page's JSON-LD against schema.org's shapes (no network): a small checker of the
 * vocabulary's types as this registry uses them — each type's required properties and what each
 * property may hold (Text, a language-tagged value, a Date, a URL, or a node of a named type).
 */
type Expect = "text" | "date" | "url" | `@${string}`;
const SHAPES: Record<string, { required: string[]; props: Record<string, Expect[]> }> = {
  EducationalOrganization: {
    required: ["@id", "url", "name", "address", "identifier"],
    props: {
      "@id": ["url"],
      url: ["url"],
      name: ["text"],
      alternateName: ["text"],
      address: ["@PostalAddress"],
      identifier: ["@PropertyValue"],
      sameAs: ["url"],
      foundingDate: ["date"],
      hasCredential: ["@EducationalOccupationalCredential"],
    },
  },
  PostalAddress: {
    required: ["addressCountry", "addressRegion"],
    props: { addressCountry: ["text"], addressRegion: ["text"], addressLocality: ["text"], streetAddress: ["text"] },
  },
  PropertyValue: { required: ["propertyID", "value"], props: { propertyID: ["text"], name: ["text"], value: ["text"] } },
  EducationalOccupationalCredential: {
    required: ["name", "credentialCategory", "recognizedBy"],
    props: {
      name: ["text"],
      credentialCategory: ["text"],
      recognizedBy: ["@GovernmentOrganization"],
      dateCreated: ["date"],
      expires: ["date"],
      identifier: ["@PropertyValue"],
      about: ["@DefinedTerm"],
    },
  },
  GovernmentOrganization: { required: ["name"], props: { name: ["text"] } },
  DefinedTerm: { required: ["termCode", "name"], props: { termCode: ["text"], name: ["text"] } },
};

function fits(value: unknown, expected: Expect, path: string, problems: string[]): boolean {
  if (expected === "text") {
    if (typeof value === "string") return value.length > 0;
    const tagged = value as { "@value"?: unknown; "@language"?: unknown };
    return typeof tagged?.["@value"] === "string" && typeof tagged["@language"] === "string" && /^(zh-CN|en)$/.test(tagged["@language"]);
  }
  if (expected === "date") return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (expected === "url") return typeof value === "string" && /^https?:\/\/[^\s]+$/.test(value);
  if (typeof value !== "object" || value === null || (value as JsonLd)["@type"] !== expected.slice(1)) return false;
  check(value as JsonLd, path, problems);
  return true;
}

function check(node: JsonLd, path: string, problems: string[]) {
  const type = node["@type"] as string;
  const shape = SHAPES[type];
  if (!shape) return void problems.push(`${path}: unknown @type ${type}`);
  for (const p of shape.required) if (node[p] === undefined) problems.push(`${path}: ${type} lacks ${p}`);
  for (const [p, value] of Object.entries(node)) {
    if (p === "@type" || p === "@context") continue;
    const allowed = shape.props[p];
    if (!allowed) {
      problems.push(`${path}.${p}: not a property of ${type} here`);
      continue;
    }
    for (const [i, v] of (Array.isArray(value) ? value : [value]).entries()) {
      if (!allowed.some((e) => fits(v, e, `${path}.${p}[${i}]`, problems))) problems.push(`${path}.${p}[${i}]: expected ${allowed.join("|")}`);
    }
  }
}

function shapeProblems(doc: JsonLd): string[] {
  const problems: string[] = [];
  if (doc["@context"] !== "https://schema.org") problems.push("@context is not https://schema.org");
  check(doc, "$", problems);
  return problems;
}

const school: PublicSchool = schoolSchema.parse({
  id: "s1",
  publicCode: "GD7K2M",
  nameZh: "广州市</script><script>alert(1)</script>技师学院",
  nameEn: "Guangzhou Technician College",
  altNames: ["广州技师"],
  formerNames: [],
  tier: "TECHNICIAN_COLLEGE",
  tierSince: null,
  status: "OPERATING",
  statusSince: null,
  ownership: "PUBLIC",
  sponsorType: "HR_DEPARTMENT",
  sponsorName: null,
  authority: { id: "guangdong", nameZh: "广东省", nameEn: "Guangdong" },
  city: { code: "440100", nameZh: "广州市", nameEn: "Guangzhou" },
  address: "广州市天河区",
  website: "https://example.edu.cn",
  uscc: "12440000MB2C92751T",
  approvalDocNo: null,
  approvalDate: null,
  establishedDate: "1980-09-01",
  majorsByLevel: [],
  designations: [
    {
      kind: "QUALITY_SCHOOL",
      level: "NATIONAL",
      status: "ACTIVE",
      startDate: "2024-01-01",
      endDate: null,
      id: "d1",
      title: null,
      batchLabel: null,
      documentNo: "人社部函〔2024〕1号",
      issuer: null,
      major: null,
      validNow: true,
      isDemo: false,
    },
    {
      kind: "QUALITY_MAJOR",
      level: "PROVINCIAL",
      status: "ACTIVE",
      startDate: "2024-01-01",
      endDate: "2028-12-31",
      id: "d2",
      title: null,
      batchLabel: null,
      documentNo: null,
      issuer: "广东省人力资源和社会保障厅",
      major: { id: "m1", code: "0101-4", nameZh: "数控加工", nameEn: "CNC machining" },
      validNow: true,
      isDemo: false,
    },
    {
      kind: "KEY_SCHOOL",
      level: "NATIONAL",
      status: "REVOKED",
      startDate: "2010-01-01",
      endDate: "2015-01-01",
      id: "d3",
      title: null,
      batchLabel: null,
      documentNo: null,
      issuer: null,
      major: null,
      validNow: false,
      isDemo: false,
    },
  ],
  predecessors: [],
  successor: null,
  changes: [],
  lastConfirmedAt: null,
  registeredAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  isDemo: false,
  asOf: null,
});

const build = (s: PublicSchool) => schoolJsonLd(s, "https://registry.example", translator("zh-CN"), translator("en"));

describe("school JSON-LD", () => {
  it("fits schema.org's shapes for an EducationalOrganization with address, identifiers and credentials", () => {
    const doc = build(school);
    expect(shapeProblems(doc)).toEqual([]);
    expect(doc.url).toBe("https://registry.example/schools/GD7K2M");
    expect(doc.alternateName).toEqual(["Guangzhou Technician College", "广州技师"]);
    expect(doc.address).toMatchObject({ addressRegion: "广东省", addressLocality: "广州市" });
    expect((doc.identifier as JsonLd[]).map((i) => [i.propertyID, i.value])).toEqual([
      ["publicCode", "GD7K2M"],
      ["USCC", "12440000MB2C92751T"],
    ]);
  });

  it("lists only the designations held now, each recognised by its issuer", () => {
    const credentials = build(school).hasCredential as JsonLd[];
    expect(credentials).toHaveLength(2);
    expect(credentials[0].credentialCategory).toEqual([
      { "@value": "优质技工院校", "@language": "zh-CN" },
      { "@value": "Quality technical school", "@language": "en" },
    ]);
    expect(JSON.stringify(credentials[0].recognizedBy)).toContain("人力资源和社会保障部");
    expect(credentials[1].recognizedBy).toEqual({ "@type": "GovernmentOrganization", name: "广东省人力资源和社会保障厅" });
  });

  it("the checker catches a wrong shape (a missing address, a bad date, an unknown property)", () => {
    const { address: _a, ...noAddress } = build(school);
    expect(shapeProblems(noAddress)).toContain("$: EducationalOrganization lacks address");
    expect(shapeProblems({ ...build(school), foundingDate: "1980" }).join()).toMatch(/foundingDate\[0\]: expected date/);
    expect(shapeProblems({ ...build(school), founder: "x" }).join()).toMatch(/not a property/);
  });

  it("leaves out what the record lacks instead of writing empty values", () => {
    const doc = build({ ...school, nameEn: null, altNames: [], uscc: null, website: null, city: null, address: null, designations: [] });
    expect(shapeProblems(doc)).toEqual([]);
    expect(doc).not.toHaveProperty("sameAs");
    expect(doc.identifier).toHaveLength(1);
  });

  it("escapes the script text so no name can close the script element", () => {
    const text = jsonLdText(build(school));
    expect(text).not.toMatch(/[<>]/);
    expect(text).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(text).name).toBe(school.nameZh);
  });
});
