import { randomInt } from "node:crypto";
import { PUBLIC_CODE_ALPHABET, PUBLIC_CODE_LENGTH, publicCodeCheckChar } from "@/lib/schools/public-code";

/**
 * The reporter's code: the public code's shape (8 characters from an alphabet without look-alikes,
 * the last a check character, lib/schools/public-code.ts), drawn from the system's secure random
 * source — the code is all that opens a report's outcome, so it must not be guessable from others.
 */
export function makeReportCode(): string {
  let body = "";
  for (let i = 0; i < PUBLIC_CODE_LENGTH - 1; i++) body += PUBLIC_CODE_ALPHABET[randomInt(PUBLIC_CODE_ALPHABET.length)];
  return body + publicCodeCheckChar(body);
}
