import { loadStatusPage } from "@/lib/school-changes/loaders";
import { StatusChange } from "./status-change";

type Props = { params: Promise<{ id: string }> };

export default async function SchoolStatusPage({ params }: Props) {
  const { id } = await params;
  return <StatusChange data={await loadStatusPage(id)} />;
}
