/**
 * A record's name in the reader's language: the English name on the English site when there is
 * one, the Chinese name otherwise (the register's names are Chinese first).
 */
export function localName(record: { nameZh: string; nameEn?: string | null }, locale: string): string {
  return locale === "en" && record.nameEn ? record.nameEn : record.nameZh;
}
