"use client";

import Link from "@/components/link";
import { useTranslations } from "next-intl";
import type { CommitResult } from "@/lib/imports/mutations";
import { Button } from "@/components/button";

/** After the commit: the counts and links to the records written (the first 50 of each). */
export function ImportResult({ result, onRestart }: { result: CommitResult; onRestart: () => void }) {
  const t = useTranslations("imports");
  const { counts } = result;
  const lists = [
    { title: t("createdList"), items: result.created },
    { title: t("updatedList"), items: result.updated },
  ].filter((list) => list.items.length);
  return (
    <section className="space-y-4 rounded-lg border border-green-300 bg-green-50 p-4" aria-labelledby="import-result-h" data-testid="import-result">
      <h2 id="import-result-h" className="text-xl font-semibold text-green-900">
        {t("resultTitle")}
      </h2>
      <p role="status">{t("resultBody", { create: counts.create, update: counts.update, unchanged: counts.unchanged })}</p>
      {result.alreadyCommitted ? <p>{t("resultAlready")}</p> : null}
      {lists.map((list) => (
        <div key={list.title}>
          <h3 className="font-medium">{list.title}</h3>
          <ul className="ml-5 list-disc">
            {list.items.map((item, index) => (
              <li key={`${item.id}-${index}`}>
                <Link href={`/console/schools/${item.id}`} className="text-brand-700 underline">
                  {item.name || item.id}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div className="flex flex-wrap gap-3">
        <Link href="/console/schools" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          {t("toSchoolList")}
        </Link>
        <Button type="button" onClick={onRestart} variant="secondary">
          {t("again")}
        </Button>
      </div>
    </section>
  );
}
