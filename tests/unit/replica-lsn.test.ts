import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { parseLsn } from "@/lib/db/replica-lsn";

describe("WAL positions (the read-after cookie is client input)", () => {
  it("orders positions as numbers, across the 32-bit halves", () => {
    expect(parseLsn("0/0")).toBe(0n);
    expect(parseLsn("0/3000148")).toBe(0x3000148n);
    expect(parseLsn("16/B374D848")).toBe((0x16n << 32n) | 0xb374d848n);
    expect(parseLsn("1/0")! > parseLsn("0/FFFFFFFF")!).toBe(true);
  });

  it("refuses anything else", () => {
    for (const bad of ["", "0", "0/", "/1", "0/1/2", "G/1", "123456789/1", " 0/1", "0/1;drop", null, undefined]) expect(parseLsn(bad), String(bad)).toBeNull();
  });
});

describe("REPLICA_MAX_LAG_SECONDS", () => {
  it("is 5 s unless set, at least 0.5 and at most an hour", () => {
    expect(parseEnv({}).REPLICA_MAX_LAG_SECONDS).toBe(5);
    expect(parseEnv({ REPLICA_MAX_LAG_SECONDS: "1.5" }).REPLICA_MAX_LAG_SECONDS).toBe(1.5);
    expect(() => parseEnv({ REPLICA_MAX_LAG_SECONDS: "0" })).toThrow(/REPLICA_MAX_LAG_SECONDS: must be at least 0.5/);
    expect(() => parseEnv({ REPLICA_MAX_LAG_SECONDS: "7200" })).toThrow(/REPLICA_MAX_LAG_SECONDS: at most 3600/);
  });
});
