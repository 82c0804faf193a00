import { getTranslations } from "next-intl/server";
import { MessagePage } from "@/components/message-page";

export default async function NotFound() {
  const t = await getTranslations();
  return <MessagePage title={t("errors.notFoundTitle")} body={t("errors.notFoundBody")} link={{ href: "/", label: t("nav.home") }} />;
}
