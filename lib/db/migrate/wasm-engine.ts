import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import {
  DriverAdapterError,
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PGLITE_EXTENSIONS } from "../engines";

/**
 * Prisma's schema engine, as WebAssembly, driven through driver adapters — because the native
 * engine cannot be downloaded here. See docs/decisions/0002-offline-migrations.md.
 */
const require = createRequire(import.meta.url);
let initialised = false;

async function initWasm() {
  if (initialised) return;
  // The engine build shipped inside `prisma` itself, so the migration engine matches the CLI's.
  const wasmPath = path.join(path.dirname(require.resolve("prisma/package.json")), "build/schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  initialised = true;
}

type Exec = (sql: string) => Promise<void>;

function toAdapterError(e: unknown): DriverAdapterError {
  const err = e as { code?: string; message?: string; severity?: string; detail?: string; hint?: string };
  return new DriverAdapterError({
    kind: "postgres",
    code: err.code ?? "",
    severity: err.severity ?? "ERROR",
    message: err.message ?? String(e),
    detail: err.detail,
    column: undefined,
    hint: err.hint,
  });
}

/**
 * Both adapters mishandle scripts (PGlite's does not await them, so a failing migration is
 * recorded as applied; pg's splits on ";" and breaks $$ bodies). Run each script whole instead.
 */
function wholeScripts(adapter: SqlDriverAdapter, exec: Exec): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    try {
      await exec(script);
    } catch (e) {
      throw toAdapterError(e);
    }
  };
  return adapter;
}

export type EngineHandle = { engine: SchemaEngine; dispose: () => Promise<void> };

/** Opens the schema engine on a target (its adapter factory and exec), with an in-memory shadow. */
export async function openSchemaEngine(
  target: { factory: SqlMigrationAwareDriverAdapterFactory; exec: Exec },
  schema: { path: string; content: string },
): Promise<EngineHandle> {
  await initWasm();
  const opened: SqlDriverAdapter[] = [];
  const shadows: PGlite[] = [];
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: target.factory.adapterName,
    connect: async () => {
      const a = wholeScripts(await target.factory.connect(), target.exec);
      opened.push(a);
      return a;
    },
    // An in-memory PGlite is a safe shadow for both engines (pg's shadow would reuse the main db).
    connectToShadowDb: async () => {
      const lite = new PGlite("memory://", { extensions: PGLITE_EXTENSIONS });
      shadows.push(lite);
      const a = wholeScripts(await new PrismaPGlite(lite).connect(), async (sql) => {
        await lite.exec(sql);
      });
      opened.push(a);
      return a;
    },
  };
  const logs: string[] = [];
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    (log: string) => {
      if (process.env.PRISMA_ENGINE_DEBUG) console.error(log);
      logs.push(log);
    },
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    dispose: async () => {
      engine.free();
      for (const a of opened) await a.dispose().catch(() => {});
      for (const s of shadows) await s.close().catch(() => {});
    },
  };
}
