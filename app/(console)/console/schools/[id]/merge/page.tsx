import { loadStatusPage } from "@/lib/school-changes/loaders";
import { StatusChange } from "../status/status-change";

type Props = { params: Promise<{ id: string }> };

/** Merge this school into another one of the same authority: the status change to MERGED, on its own page. */
export default async function SchoolMergePage({ params }: Props) {
  const { id } = await params;
  return <StatusChange data={await loadStatusPage(id, "MERGED")} merge />;
}
