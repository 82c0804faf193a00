import { describe, expect, it, vi } from "vitest";
import { runWrite } from "@/lib/db/unit-of-work";
import { Refusal } from "@/lib/errors";
import { systemActor } from "@/lib/request/actor";
import { fileTestDb } from "../support/test-db";

/**
 * ctx.afterCommit (lib/db/unit-of-work.ts): a task runs once the transaction has committed — it
 * sees the write from outside the transaction — never after a rollback, and its failure is not
 * the write's.
 */
const t = fileTestDb();
const base = { actor: systemActor(), scope: null };
const insert = (ctx: { tx: { $executeRawUnsafe: (sql: string) => Promise<unknown> } }, key: string) =>
  ctx.tx.$executeRawUnsafe(`INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES ('${key}', now(), 1)`);
const seen = async (key: string) =>
  (await t.client.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "RateLimitBucket" WHERE "key" = '${key}'`))[0].n;

describe("afterCommit", () => {
  it("runs after the commit and sees the write from another connection", async () => {
    let during = -1;
    await runWrite(base, async (ctx) => {
      await insert(ctx, "ac-1");
      ctx.afterCommit(async () => void (during = await seen("ac-1")));
    });
    expect(during).toBe(1);
  });

  it("never runs when the write is refused or fails", async () => {
    const task = vi.fn();
    await expect(
      runWrite(base, async (ctx) => {
        await insert(ctx, "ac-2");
        ctx.afterCommit(task);
        throw new Refusal("VALIDATION");
      }),
    ).rejects.toBeInstanceOf(Refusal);
    expect(task).not.toHaveBeenCalled();
    expect(await seen("ac-2")).toBe(0);
  });

  it("runs when a refusal keeps its writes, and a failing task does not fail the write", async () => {
    const task = vi.fn();
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const out = await runWrite(base, async (ctx) => {
      ctx.afterCommit(() => {
        throw new Error("mail server down");
      });
      ctx.afterCommit(task);
      return "written";
    });
    expect(out.data).toBe("written");
    expect(task).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
    const kept = vi.fn();
    await expect(
      runWrite(base, async (ctx) => {
        await insert(ctx, "ac-3");
        ctx.afterCommit(kept);
        throw new Refusal("RATE_LIMITED", undefined, undefined, { keepWrites: true });
      }),
    ).rejects.toBeInstanceOf(Refusal);
    expect(kept).toHaveBeenCalledOnce();
    expect(await seen("ac-3")).toBe(1);
  });
});
