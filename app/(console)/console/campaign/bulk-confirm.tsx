"use client";

import { useState } from "react";
import { Button } from "@/components/button";
import { ChoiceField } from "@/components/choice-field";
import { FormStatus } from "@/components/form-status";
import { useStep, type StepResult } from "@/components/selection/use-step";
import { confirmCampaignRecordsAction } from "@/lib/campaigns/actions";

type Row = { id: string; version: number; label: string };
type Labels = { legend: string; hint: string; all: string; submit: string; working: string; done: string };

/**
 * "Confirm selected": the officer ticks the records reviewed and confirms them in one submit; each
 * is confirmed like the school page's one-click confirm (the version seen is sent with it).
 */
export function BulkConfirm({ rows, labels }: { rows: Row[]; labels: Labels }) {
  const step = useStep();
  const [chosen, setChosen] = useState<string[]>([]);
  const value = (row: Row) => `${row.id}:${row.version}`;
  const choose = (item: string, checked: boolean) => setChosen((now) => (checked ? [...now, item] : now.filter((other) => other !== item)));
  return (
    <form
      className="space-y-3"
      data-testid="bulk-confirm"
      onSubmit={(event) => {
        event.preventDefault();
        step.run(() => confirmCampaignRecordsAction({ items: chosen }) as Promise<StepResult>, {
          success: labels.done,
          onDone: () => setChosen([]),
        });
      }}
    >
      <Button type="button" variant="secondary" size="sm" onClick={() => setChosen(chosen.length === rows.length ? [] : rows.map(value))}>
        {labels.all}
      </Button>
      <ChoiceField
        type="checkbox"
        name="items"
        label={labels.legend}
        hint={labels.hint}
        column
        options={rows.map((row) => ({ value: value(row), label: row.label }))}
        selected={chosen}
        onChoose={choose}
        issues={step.errors.items}
      />
      <FormStatus error={step.status.error} success={step.status.success} />
      <Button type="submit" size="sm" disabled={!step.ready || chosen.length === 0} pending={step.pending} pendingLabel={labels.working}>
        {labels.submit}
      </Button>
    </form>
  );
}
