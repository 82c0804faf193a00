import { readUnit } from "../../tests/topology/support/units";

/**
 * The deployed node's NODE_OPTIONS (its V8 heap cap), read from deploy/systemd/registry-node@.service
 * so the benchmarks run the server as it is deployed and the number lives in one place: the unit.
 * BENCH_NODE_OPTIONS overrides it for an experiment (e.g. another cap).
 */
export function deployedNodeOptions(): string {
  const fromUnit = readUnit("registry-node@.service").environment.NODE_OPTIONS;
  if (!fromUnit) throw new Error("deploy/systemd/registry-node@.service sets no NODE_OPTIONS");
  return process.env.BENCH_NODE_OPTIONS ?? fromUnit;
}

/** The deployed heap cap in MB (`--max-old-space-size=N` in the unit's NODE_OPTIONS). */
export function deployedHeapMb(): number {
  const m = /--max-old-space-size=(\d+)/.exec(readUnit("registry-node@.service").environment.NODE_OPTIONS ?? "");
  if (!m) throw new Error("deploy/systemd/registry-node@.service: NODE_OPTIONS has no --max-old-space-size");
  return Number(m[1]);
}
