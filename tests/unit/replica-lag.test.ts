import { describe, expect, it } from "vitest";
import { keepSamples, lagBound, type Sample } from "@/lib/db/replica-lag";

const base = { now: 100_000, primaryLsn: 500n, replayLsn: 300n, sinceReplayMs: 60_000 as number | null, samples: [] as Sample[] };

describe("the replica's lag, an upper bound (decision 0075)", () => {
  it("is 0 when the replica has replayed the primary's position", () => {
    expect(lagBound({ ...base, replayLsn: 500n })).toBe(0);
    expect(lagBound({ ...base, replayLsn: 600n, sinceReplayMs: null })).toBe(0);
  });

  it("without samples, is the time since the last replayed commit (an idle primary's first write looks far behind)", () => {
    expect(lagBound(base)).toBe(60_000);
    expect(lagBound({ ...base, sinceReplayMs: null })).toBe(Infinity);
  });

  it("with samples, is the time since the latest one the replica has passed: tight while probes run", () => {
    const samples = [
      { at: 90_000, lsn: 200n },
      { at: 99_000, lsn: 300n }, // the replica holds this one
      { at: 99_750, lsn: 500n },
    ];
    expect(lagBound({ ...base, samples })).toBe(1000);
  });

  it("never trusts a sample the replica has not reached", () => {
    const samples = [{ at: 99_900, lsn: 301n }];
    expect(lagBound({ ...base, samples })).toBe(60_000);
  });

  it("keeps the samples of the window, at most 256", () => {
    const kept = keepSamples(
      [
        { at: 0, lsn: 1n },
        { at: 50_000, lsn: 2n },
      ],
      { at: 60_000, lsn: 3n },
      20_000,
    );
    expect(kept).toEqual([
      { at: 50_000, lsn: 2n },
      { at: 60_000, lsn: 3n },
    ]);
    let many: Sample[] = [];
    for (let i = 0; i < 300; i++) many = keepSamples(many, { at: i, lsn: BigInt(i) }, 1e9);
    expect(many).toHaveLength(256);
    expect(many[0].at).toBe(44);
  });
});
