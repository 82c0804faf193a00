/**
 * Command-line scripts read the same .env files as `next start` / `next dev` (.env.local first),
 * so `npm run db:deploy` and the app always talk to the same database. Variables already set in
 * the shell win, as in Next.js. Import this module first.
 */
import { loadEnvConfig } from "@next/env";

loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
