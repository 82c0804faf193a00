// `prisma generate` offline: Prisma 7's CLI insists on locating a native schema-engine binary
// before any command, and cannot download one here. Generation never uses it, so any existing
// executable satisfies the check. See docs/decisions/0002-offline-migrations.md.
import { spawnSync } from "node:child_process";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
