import "server-only";
import { revalidatePath } from "next/cache";

/** Selection steps change the console pages, the public notices and the progress counts. */
export const SELECTION_PATHS: (string | { path: string; type: "layout" })[] = [
  { path: "/console/selection", type: "layout" },
  { path: "/notices", type: "layout" },
  "/progress",
];

/** The same for a write outside an action (the attachment upload route). */
export function revalidateSelection() {
  for (const p of SELECTION_PATHS) {
    if (typeof p === "string") revalidatePath(p);
    else revalidatePath(p.path, p.type);
  }
}
