import { JsonLdScript } from "@/components/json-ld";
import { jsonLdText, schoolJsonLd } from "@/lib/linked-data/json-ld";
import { translator } from "@/lib/opendata/messages";
import type { PublicSchool } from "@/lib/public/types";
import { publicRequest } from "@/lib/request/context";

/** The school's schema.org description (lib/linked-data/json-ld.ts), with absolute links and the CSP nonce. */
export async function SchoolLinkedData({ school }: { school: PublicSchool }) {
  const { publicOrigin, nonce } = await publicRequest();
  const data = schoolJsonLd(school, publicOrigin, translator("zh-CN"), translator("en"));
  return <JsonLdScript text={jsonLdText(data)} nonce={nonce} />;
}
