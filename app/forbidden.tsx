import { getTranslations } from "next-intl/server";
import { MessagePage } from "@/components/message-page";

export default async function Forbidden() {
  const t = await getTranslations();
  return <MessagePage title={t("errors.forbiddenTitle")} body={t("errors.forbiddenBody")} link={{ href: "/console", label: t("nav.consoleHome") }} />;
}
