import { z } from "zod";

/**
 * Every environment variable the app reads, parsed once. Nothing else reads process.env.
 * A wrong value stops start-up with the variable's name and the reason.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgresql:// (leave it unset for the embedded database)")
    .optional(),
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgresql://")
    .optional(),
  /**
   * With DATABASE_REPLICA_URL: public reads move to the primary while the replica is further behind
   * than this many seconds (or down), and back when it catches up (lib/db/replica-health.ts,
   * docs/decisions/0075). A writer's own next pages never wait for it (0073).
   */
  REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0.5, "must be at least 0.5").max(3600, "at most 3600").default(5),
  DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  AUTH_TRUST_HOST: z.enum(["true", "false"]).optional(),
  DEMO_SEED: z.enum(["0", "1"]).default("1"),
  /**
   * How many reverse proxies stand in front of the app, each appending to X-Forwarded-For (nginx in
   * deploy/: 1). 0: the socket address is the client's, and X-Forwarded-* headers are ignored.
   * The rule lives in lib/request/client-address.ts and lib/request/public-origin.ts.
   */
  TRUST_PROXY: z.coerce.number().int().min(0, "must be 0 or the number of proxies").max(5, "at most 5 proxies").default(0),
  /** The registry's public address (https://host[/]): absolute links (feeds, QR codes) use it whatever the request says. */
  PUBLIC_URL: z
    .string()
    .url("must be an absolute URL such as https://registry.example.gov.cn")
    .regex(/^https?:\/\//, "must start with https:// or http://")
    .optional(),
  /**
   * Memory (MB, estimated) of each process's cache of public reads (search, school pages,
   * progress, open data), checked against the database's data version on every request
   * (lib/db/read-cache.ts); 0 turns it off. Unset: an eighth of the V8 heap limit, at most 64
   * (30 MB with the deployed NODE_OPTIONS=--max-old-space-size=192).
   */
  PUBLIC_CACHE_MB: z.coerce.number().int().min(0).max(100_000).optional(),
  /**
   * Evidence (PDF) each console account may upload in any 24 hours, in MB, counted from the stored
   * attachments (removed ones included: their files stay). At least 10, one full-size file.
   */
  ATTACHMENT_QUOTA_MB_PER_DAY: z.coerce.number().int().min(10, "must be at least 10 (one 10 MB file)").max(100_000).default(200),
  /** Open-data API requests allowed per client IP per minute (0 turns the limit off). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(120),
  /**
   * Open-data API requests allowed per API key per minute, whatever addresses they come from
   * (0 turns the limit off for keys). Keys are optional: docs/decisions/0085.
   */
  API_KEY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  /**
   * Webhooks (docs/webhooks.md): "1" runs the delivery worker inside the app process
   * (instrumentation.ts); "0" leaves it to `npm run webhooks:worker`. Several may run at once.
   */
  WEBHOOK_WORKER: z.enum(["0", "1"]).default("0"),
  /** Seconds between the worker's passes (new changes queued, due deliveries sent). */
  WEBHOOK_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /**
   * Tests only: "1" lets webhook endpoints be http:// on a loopback address (127.0.0.0/8, ::1,
   * localhost). Off, only https endpoints on public addresses are accepted and delivered to.
   */
  WEBHOOK_ALLOW_HTTP_LOOPBACK: z.enum(["0", "1"]).default("0"),
  /**
   * Ed25519 private key (PKCS#8 PEM) that signs verification snapshots. Unset: one key pair is
   * generated on first use and kept in the database (SigningKey), shared by every app process.
   * "\n" escapes are accepted for one-line .env files.
   */
  VERIFY_SIGNING_KEY: z
    .string()
    .transform((v) => v.replace(/\\n/g, "\n"))
    .refine((v) => v.includes("-----BEGIN PRIVATE KEY-----"), "must be a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)")
    .optional(),
  /**
   * Notification e-mail (lib/mail, docs/decisions/0067): smtp://user:password@host:587 (STARTTLS when
   * offered) or smtps://…:465. Unset: nothing is mailed and nothing fails. Needs PUBLIC_URL: the
   * mail's links are built from it, never from a request's headers.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "must start with smtp:// or smtps://")
    .optional(),
  /** The sender: an address, or "Name <address>". Unset: 技工院校名录 <noreply@PUBLIC_URL's host>. */
  MAIL_FROM: z
    .string()
    .max(320)
    .regex(/^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, "must be an address or Name <address>")
    .optional(),
});

/** Rules across variables. */
const checkedEnvSchema = envSchema.refine((v) => !v.SMTP_URL || v.PUBLIC_URL, {
  path: ["SMTP_URL"],
  message: "needs PUBLIC_URL (the links in the mail are built from it)",
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset, as shells and .env files often produce them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = checkedEnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
