import { describe, expect, it } from "vitest";
import { composeMail } from "@/lib/mail/compose";

/** The notification e-mail's text (lib/mail/compose.ts): the in-app sentence, Chinese then English, one link. */
const ORIGIN = "https://registry.example.gov.cn";

describe("composeMail", () => {
  it("says what the in-app list says, in Chinese then English, with the item's absolute link", () => {
    const mail = composeMail({ kind: "reviewAssigned", params: { batch: "2026 年第一批" }, link: "/console/selection/reviews/a1" }, ORIGIN);
    expect(mail.subject).toBe(
      "【技工院校名录】您被分配评审“2026 年第一批”中的一份申报。 / [Registry of technical schools] You have been assigned an application to review in “2026 年第一批”.",
    );
    expect(mail.text.match(/https:\/\/registry\.example\.gov\.cn\/console\/selection\/reviews\/a1/g)).toHaveLength(2);
    expect(mail.text.indexOf("查看：")).toBeLessThan(mail.text.indexOf("Open:"));
  });

  it("keeps the subject on one line whatever a parameter holds", () => {
    const mail = composeMail({ kind: "batchOpened", params: { batch: "第一批\r\nBcc: x@example.com" }, link: "/console/selection/apply" }, ORIGIN);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it("links only to a path of the registry, and says something for a kind it does not know", () => {
    const mail = composeMail({ kind: "somethingNew", params: {}, link: "//evil.example/x" }, ORIGIN);
    expect(mail.text).toContain(`${ORIGIN}/console/notifications`);
    expect(mail.text).not.toContain("evil.example");
    expect(mail.subject).toContain("您有一条新通知。");
  });
});
