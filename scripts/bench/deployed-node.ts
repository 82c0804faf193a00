import { readUnit } from "../../tests/topology/support/units";

/**
 * The deployed node's process settings, read from deploy/systemd/registry-node@.service so the
 * benchmarks run the server as it is deployed and each number lives in one place, the unit:
 * NODE_OPTIONS (the V8 heap cap) and MALLOC_ARENA_MAX. BENCH_NODE_OPTIONS overrides NODE_OPTIONS
 * for an experiment (e.g. another cap).
 */
export function deployedProcessEnv(): { NODE_OPTIONS: string; MALLOC_ARENA_MAX: string } {
  const { NODE_OPTIONS, MALLOC_ARENA_MAX } = readUnit("registry-node@.service").environment;
  if (!NODE_OPTIONS || !MALLOC_ARENA_MAX) throw new Error("deploy/systemd/registry-node@.service must set NODE_OPTIONS and MALLOC_ARENA_MAX");
  return { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? NODE_OPTIONS, MALLOC_ARENA_MAX };
}

/** The deployed heap cap in MB (`--max-old-space-size=N` in the unit's NODE_OPTIONS). */
export function deployedHeapMb(): number {
  const m = /--max-old-space-size=(\d+)/.exec(readUnit("registry-node@.service").environment.NODE_OPTIONS ?? "");
  if (!m) throw new Error("deploy/systemd/registry-node@.service: NODE_OPTIONS has no --max-old-space-size");
  return Number(m[1]);
}
