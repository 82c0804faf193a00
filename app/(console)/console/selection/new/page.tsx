import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { loadNewBatchForm } from "@/lib/selection/batches/loaders";
import { BatchForm } from "../batches/[id]/batch-form";
import { PageHeader } from "@/components/page-header";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ kind?: string }> };

export default async function NewBatchPage({ searchParams }: Props) {
  const { kind } = await searchParams;
  const [{ defaults }, t] = await Promise.all([loadNewBatchForm(kind === "MAJOR" ? "MAJOR" : "SCHOOL"), getTranslations("selection")]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("admin.newBatch")} intro={t("batchForm.intro")} />
      <p className="flex gap-4 text-sm">
        {(["SCHOOL", "MAJOR"] as const).map((option) => (
          <Link
            key={option}
            href={`/console/selection/new?kind=${option}`}
            aria-current={defaults.kind === option ? "page" : undefined}
            className={defaults.kind === option ? "font-semibold" : "text-brand-700 underline"}
          >
            {t("batchForm.newOfKind", { kind: t(`kind.${option}`) })}
          </Link>
        ))}
      </p>
      <BatchForm key={defaults.kind} mode="create" values={defaults} />
    </div>
  );
}
