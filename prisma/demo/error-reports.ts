import { createHash } from "node:crypto";
import { publicCodeCheckChar } from "../../lib/schools/public-code";

type DemoSchool = { id: string; authorityId: string; nameZh: string; address?: string | null; website?: string | null };

const code = (body: string) => body + publicCodeCheckChar(body);

/**
 * Two open public error reports (纠错) on Guangdong demo schools, so the Guangdong demo officer's
 * inbox shows the feature on a fresh demo: one about an address, one about a website. Stable ids
 * and codes (a re-run inserts nothing); filed a day and three days before the seed ran; the
 * address hash is of a documentation address (TEST-NET-3), never a real one.
 */
export function demoErrorReports(schools: DemoSchool[], now: Date) {
  const gd = schools.filter((s) => s.authorityId === "guangdong").slice(0, 2);
  const ipHash = createHash("sha256").update("demo|error-report|203.0.113.7").digest("hex");
  const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const rows = [
    { field: "address", problem: "学校已于今年迁入新校区，页面上仍是旧校区地址。", proposed: "（演示）新校区地址：xx区xx路88号", createdAt: days(1) },
    { field: "website", problem: "页面上的学校网址打不开，学校已启用新域名。", proposed: "https://www.example.edu.cn/", createdAt: days(3) },
  ];
  return gd.map((s, i) => ({
    id: `demo-error-report-${i + 1}`,
    code: code(`DEMQ${i + 2}RP`),
    schoolId: s.id,
    authorityId: s.authorityId,
    ipHash,
    contact: i === 0 ? "demo-reporter@example.org" : null,
    ...rows[i],
  }));
}
