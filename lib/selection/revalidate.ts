import "server-only";
import { revalidatePath } from "next/cache";

/** Selection steps change the console pages, the public notices and the progress counts. */
export function revalidateSelection() {
  revalidatePath("/console/selection", "layout");
  revalidatePath("/notices", "layout");
  revalidatePath("/progress");
}
