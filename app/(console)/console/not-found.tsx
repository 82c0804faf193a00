import { getTranslations } from "next-intl/server";
import { MessagePage } from "@/components/message-page";

/**
 * A console page's notFound() (an unknown id, or a record outside the caller's scope — the two
 * look alike on purpose): said inside the console frame, with the way back to the console, not
 * the public "page not found" with a link to the public home.
 */
export default async function ConsoleNotFound() {
  const t = await getTranslations();
  return (
    <MessagePage framed title={t("errors.notFoundTitle")} body={t("errors.consoleNotFoundBody")} link={{ href: "/console", label: t("nav.consoleHome") }} />
  );
}
