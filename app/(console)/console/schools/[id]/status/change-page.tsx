import type { ReactNode } from "react";
import { DescriptionList, type Description } from "@/components/description-list";
import { Notice } from "@/components/notice";
import { Panel } from "@/components/panel";
import type { SchoolChangeRow } from "@/lib/school-changes/data";
import { ChangeHeader, type ChangeTab } from "./change-header";
import { ChangeList } from "./change-list";

type HeaderSchool = Parameters<typeof ChangeHeader>[0]["school"];

/**
 * The frame of a school's change pages (status, merge, tier, rename): the header with the tabs,
 * the current facts, the form — or why there is none — and the past changes of that kind.
 */
export function ChangePage({
  school,
  active,
  title,
  intro,
  facts,
  refusal,
  form,
  historyTitle,
  changes,
}: {
  school: HeaderSchool;
  active: ChangeTab;
  title: string;
  intro?: string;
  facts?: Description[];
  /** Why no change can be made (a closed school): shown instead of the form. */
  refusal?: string | null;
  form: ReactNode;
  historyTitle: string;
  changes: SchoolChangeRow[];
}) {
  return (
    <div className="space-y-6">
      <ChangeHeader school={school} active={active} title={title} />
      {intro ? <p className="text-sm text-slate-700">{intro}</p> : null}
      {facts ? <DescriptionList items={facts} className="text-sm" /> : null}
      {refusal ? <Notice tone="note">{refusal}</Notice> : form}
      <Panel plain title={historyTitle}>
        <ChangeList caption={historyTitle} changes={changes} />
      </Panel>
    </div>
  );
}
