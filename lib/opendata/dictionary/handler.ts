import { z } from "zod";
import { Refusal } from "@/lib/errors";
import { toCsv, type CsvColumn } from "../csv";
import { apiGet } from "../http";
import { buildDictionary, type DictionaryField } from "./build";

/**
 * The data dictionary as files: /data/dictionary/data-dictionary.json (the whole structure) and
 * /data/dictionary/data-dictionary.csv (one row per field; a code list as "CODE=中文/English" joined by "; ").
 * Through the API edge: same rate limit, ETag and open CORS as the data it describes.
 */
export const DICTIONARY_FILES = { json: "data-dictionary.json", csv: "data-dictionary.csv" } as const;

type Row = DictionaryField & { kind: string };

const columns: CsvColumn<Row>[] = [
  { header: "source", value: (r) => r.source },
  { header: "kind", value: (r) => r.kind },
  { header: "field", value: (r) => r.path },
  { header: "type", value: (r) => r.type },
  { header: "nullable", value: (r) => r.nullable },
  { header: "since", value: (r) => r.since },
  { header: "meaningZh", value: (r) => r.zh },
  { header: "meaningEn", value: (r) => r.en },
  { header: "codes", value: (r) => (r.codes ?? []).map((c) => `${c.code}=${c.zh}/${c.en}`).join("; ") },
];

export const getDictionaryFile = apiGet(z.object({}), async ({ params }) => {
  const dictionary = buildDictionary();
  if (params.file === DICTIONARY_FILES.json) {
    return { kind: "text", text: JSON.stringify(dictionary, null, 2), contentType: "application/json; charset=utf-8" };
  }
  if (params.file === DICTIONARY_FILES.csv) {
    const rows = dictionary.sources.flatMap((s) => s.fields.map((f) => ({ ...f, kind: s.kind })));
    return { kind: "csv", text: toCsv(columns, rows), filename: DICTIONARY_FILES.csv };
  }
  throw new Refusal("NOT_FOUND");
});
