/**
 * PostgreSQL write-ahead-log positions ("16/B374D848": two 32-bit hex halves) as bigints, so that
 * positions compare as numbers. Null for anything else (a cookie is client input).
 */
export function parseLsn(text: string | null | undefined): bigint | null {
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text ?? "");
  return m ? (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`) : null;
}
