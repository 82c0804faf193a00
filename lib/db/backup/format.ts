import { z } from "zod";

/**
 * The backup file: gzip-compressed JSON lines, the same for both engines (a PGlite backup restores
 * into PostgreSQL and back). See docs/decisions/0041-backup-restore.md.
 *
 *   line 1        header  {"format","version","createdAt","engine","migrations","tables"}
 *   per table     {"table":"<name>"} then one line per row: a JSON array of the columns' PostgreSQL
 *                 text forms (null for NULL), in header column order, rows in primary-key order
 *   last line     {"end":{"headerSha256","tables":[{name,rows,sha256}],"sequences"}}
 *
 * A table's sha256 is taken over its row lines, each followed by "\n". Text forms are produced
 * under fixed settings (SESSION_SETTINGS) and read back with each type's input function, so every
 * value — jsonb null versus SQL NULL, bytea, bigint, floats, arrays, dates — returns unchanged.
 */
export const FORMAT = "jigong-registry-backup";
export const FORMAT_VERSION = 1;
export const FILE_SUFFIX = ".jsonl.gz";

/** Output and input settings of both the backup and the restore transaction (set_config, local). */
export const SESSION_SETTINGS: Record<string, string> = {
  DateStyle: "ISO, YMD",
  IntervalStyle: "postgres",
  TimeZone: "UTC",
  extra_float_digits: "1",
  bytea_output: "hex",
};

const columnSchema = z.object({
  name: z.string().min(1),
  /** format_type() without the modifier: the restore casts text with it; the column's own type modifier then applies. */
  type: z.string().min(1),
  /** Generated columns are dumped (so the check covers them) but never inserted. */
  generated: z.boolean(),
});
export type ColumnSpec = z.infer<typeof columnSchema>;

const tableSchema = z.object({
  name: z.string().min(1),
  columns: z.array(columnSchema).min(1),
  primaryKey: z.array(z.string()),
});
export type TableSpec = z.infer<typeof tableSchema>;

const migrationSchema = z.object({ name: z.string().min(1), checksum: z.string() });
export type AppliedMigration = z.infer<typeof migrationSchema>;

export const headerSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  engine: z.object({ kind: z.enum(["pglite", "postgres"]), serverVersion: z.string() }),
  migrations: z.array(migrationSchema),
  /** In foreign-key order: a table comes after every table it references. */
  tables: z.array(tableSchema),
});
export type BackupHeader = z.infer<typeof headerSchema>;

const sequenceSchema = z.object({ name: z.string(), lastValue: z.string(), isCalled: z.boolean() });
export type SequenceValue = z.infer<typeof sequenceSchema>;

export const trailerSchema = z.object({
  end: z.object({
    headerSha256: z.string().regex(/^[0-9a-f]{64}$/),
    finishedAt: z.string(),
    tables: z.array(z.object({ name: z.string(), rows: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
    sequences: z.array(sequenceSchema),
  }),
});
export type BackupTrailer = z.infer<typeof trailerSchema>["end"];
export type TableSummary = BackupTrailer["tables"][number];

export const tableMarkerSchema = z.object({ table: z.string() });
