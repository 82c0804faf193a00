import { localName } from "@/components/local-name";

type Applicant = { school: { nameZh: string }; schoolMajor?: { major: { nameZh: string; nameEn: string } } | null };

/** How an application is named everywhere (console lists, the public notice): the school, and the major for a major batch. */
export function applicationLabel(application: Applicant, locale: string): string {
  return `${application.school.nameZh}${application.schoolMajor ? ` · ${localName(application.schoolMajor.major, locale)}` : ""}`;
}
