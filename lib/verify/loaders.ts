import "server-only";
import { publicRequest } from "@/lib/request/context";
import { verifyPath } from "./origin";
import { qrSvg } from "./qr";
import { lookupVerification, parseVerifyCode } from "./snapshot";

/**
 * The verify pages (public, no sign-in). The QR code encodes the absolute URL of the page as the
 * public origin (lib/request/public-origin.ts), rendered on the server as SVG.
 */
export async function loadVerifyPage(rawCode: string) {
  const found = await lookupVerification(rawCode);
  if (found.kind !== "found") return null;
  const url = `${(await publicRequest()).publicOrigin}${verifyPath(found.code)}`;
  return { facts: found.facts, url, qr: await qrSvg(url) };
}

/** The code form: where a typed code leads (null when malformed). */
export function verifyTarget(rawCode: string): string | null {
  const code = parseVerifyCode(rawCode);
  return code ? verifyPath(code) : null;
}
