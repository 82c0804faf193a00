import type { ApiTranslator } from "@/lib/opendata/messages";
import type { PublicDesignation, PublicSchool } from "@/lib/public/types";

/**
 * The schema.org description of one school (JSON-LD), embedded in its public page so that search
 * engines and reusers read the register's facts without scraping: an EducationalOrganization with
 * both names, the address down to the GB/T 2260 city, the public code and USCC as identifiers and
 * the designations it holds as credentials recognised by the issuing authority.
 * Only fields of the public record (lib/opendata/schemas/response.ts) reach it.
 */
export type JsonLd = Record<string, unknown>;

const MINISTRY = { zh: "中华人民共和国人力资源和社会保障部", en: "Ministry of Human Resources and Social Security of the People's Republic of China" };

/** A value in both languages, as JSON-LD language-tagged strings. */
const both = (zh: string, en: string | null) => [{ "@value": zh, "@language": "zh-CN" }, ...(en ? [{ "@value": en, "@language": "en" }] : [])];

function address(school: PublicSchool): JsonLd {
  return {
    "@type": "PostalAddress",
    addressCountry: "CN",
    // The authority is the province-level division the city's GB/T 2260 code belongs to.
    addressRegion: school.authority.nameZh,
    ...(school.city ? { addressLocality: school.city.nameZh } : {}),
    ...(school.address ? { streetAddress: school.address } : {}),
  };
}

function identifier(propertyID: string, name: string, value: string): JsonLd {
  return { "@type": "PropertyValue", propertyID, name, value };
}

function credential(d: PublicDesignation, school: PublicSchool, zh: ApiTranslator, en: ApiTranslator): JsonLd {
  const issuer =
    d.level === "NATIONAL"
      ? { "@type": "GovernmentOrganization", name: both(MINISTRY.zh, MINISTRY.en) }
      : { "@type": "GovernmentOrganization", name: d.issuer ? d.issuer : both(school.authority.nameZh, school.authority.nameEn) };
  const kind = [zh(`enums.designationKind.${d.kind}`), en(`enums.designationKind.${d.kind}`)] as const;
  const level = [zh(`enums.designationLevel.${d.level}`), en(`enums.designationLevel.${d.level}`)] as const;
  return {
    "@type": "EducationalOccupationalCredential",
    name: both(d.title ?? `${level[0]}${kind[0]}`, `${level[1]} ${kind[1].toLowerCase()}`),
    credentialCategory: both(kind[0], kind[1]),
    recognizedBy: issuer,
    dateCreated: d.startDate,
    ...(d.endDate ? { expires: d.endDate } : {}),
    ...(d.documentNo ? { identifier: identifier("documentNo", "文号 / document number", d.documentNo) } : {}),
    ...(d.major ? { about: { "@type": "DefinedTerm", termCode: d.major.code, name: both(d.major.nameZh, d.major.nameEn) } } : {}),
  };
}

/** The JSON-LD object of a school's public page; `origin` from THE public-origin rule. */
export function schoolJsonLd(school: PublicSchool, origin: string, zh: ApiTranslator, en: ApiTranslator): JsonLd {
  const url = `${origin}/schools/${school.publicCode}`;
  const held = school.designations.filter((d) => d.validNow);
  return {
    "@context": "https://schema.org",
    "@type": "EducationalOrganization",
    "@id": `${url}#organization`,
    url,
    name: school.nameZh,
    alternateName: [...(school.nameEn ? [school.nameEn] : []), ...school.altNames],
    address: address(school),
    identifier: [
      identifier("publicCode", "公开编码 / public code", school.publicCode),
      ...(school.uscc ? [identifier("USCC", "统一社会信用代码 / unified social credit code", school.uscc)] : []),
    ],
    ...(school.website ? { sameAs: [school.website] } : {}),
    ...(school.establishedDate ? { foundingDate: school.establishedDate } : {}),
    hasCredential: held.map((d) => credential(d, school, zh, en)),
  };
}

/**
 * The text of a <script type="application/ld+json">: JSON with "<", ">", "&" and the two line
 * separators escaped, so no value (a name holding "</script>") can end the script or open a comment.
 */
export function jsonLdText(data: JsonLd): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
