import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/mutations";

export async function recordSignIn(user: { id: string; displayName: string; authorityId: string | null }, ok: boolean) {
  await db().$transaction(async (tx) => {
    if (ok) await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() }, select: { id: true } });
    await recordAudit(tx, {
      actor: { id: user.id, label: user.displayName },
      action: ok ? "auth.sign_in" : "auth.sign_in_failed",
      entityType: "User",
      entityId: user.id,
      authorityId: user.authorityId,
    });
  });
}
