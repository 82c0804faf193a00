/** The benchmark database: BENCH_DATABASE_URL, else DATABASE_URL — PostgreSQL only. */
export function benchDatabaseUrl(): string {
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(
      "The benchmark needs PostgreSQL: set BENCH_DATABASE_URL (or DATABASE_URL) to postgresql://…\n" +
        "The embedded database (PGlite) is single-process and not what a deployment at this size runs on.",
    );
  }
  return url;
}
