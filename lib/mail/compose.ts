import { locales } from "@/lib/i18n/config";
import { translator } from "@/lib/opendata/messages";

/**
 * The e-mail for one notification (docs/decisions/0067): plain text, the same sentence the in-app
 * list shows (notifications.kinds.<kind> with the row's params — nothing more of anyone's data)
 * and an absolute link to the item. Accounts hold no language, so every mail is in Chinese, then
 * English (lib/i18n/config.ts `locales`, in that order).
 */
export type MailNotice = { kind: string; params: unknown; link: string };
export type Mail = { subject: string; text: string };

const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, " ").trim();

export function composeMail(notice: MailNotice, origin: string): Mail {
  const params = (notice.params && typeof notice.params === "object" ? notice.params : {}) as Record<string, string | number>;
  // Only a path of this registry: a stored link is always one, and nothing else becomes a mail link.
  const url = `${origin}${notice.link.startsWith("/") && !notice.link.startsWith("//") ? notice.link : "/console/notifications"}`;
  const parts = locales.map((locale) => {
    const t = translator(locale);
    const key = `notifications.kinds.${notice.kind}`;
    const said = t(key, params);
    const sentence = said === key ? t("mail.unknownKind") : said;
    return { subject: t("mail.subject", { text: sentence }), body: [sentence, "", t("mail.open", { url }), "", t("mail.footer")].join("\n") };
  });
  return { subject: oneLine(parts.map((p) => p.subject).join(" / ")), text: `${parts.map((p) => p.body).join("\n\n—\n\n")}\n` };
}
