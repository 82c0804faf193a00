import "server-only";
import { publicRequest } from "@/lib/request/context";
import { DIGEST_PATTERN } from "./digest";
import { verifyPath } from "./origin";
import { qrSvg } from "./qr";
import { lookupVerification, parseVerifyCode } from "./snapshot";
import { statusOf } from "./status";
import { VALID_DAYS, verifyQuerySchema, withValidity } from "./validity";

/**
 * The verify pages (public, no sign-in). `rawValidDays`: the period the reader chose for the sheet
 * and its JSON (?validDays=, invalid → the default, and said so). The QR code encodes the absolute
 * URL of the page (public origin, lib/request/public-origin.ts) with this sheet's digest, so whoever
 * scans a printed sheet is told whether the registry still says what the paper says
 * (`rawDigest`, ?digest=). Arguments are plain strings so that React's cache() can key on them.
 */
export async function loadVerifyPage(rawCode: string, rawValidDays?: string, rawDigest?: string) {
  const found = await lookupVerification(rawCode);
  if (found.kind !== "found") return null;
  const period = verifyQuerySchema.safeParse({ validDays: rawValidDays });
  const facts = withValidity(found.facts, period.success ? period.data.validDays : VALID_DAYS.default);
  const printed = rawDigest && DIGEST_PATTERN.test(rawDigest) ? statusOf(found.facts, rawDigest) : null;
  const url = `${(await publicRequest()).publicOrigin}${verifyPath(found.code)}?digest=${facts.digest}`;
  return { facts, validDaysRefused: !period.success, printed, url, qr: await qrSvg(url) };
}

/** The code form: where a typed code leads (null when malformed). */
export function verifyTarget(rawCode: string): string | null {
  const code = parseVerifyCode(rawCode);
  return code ? verifyPath(code) : null;
}
