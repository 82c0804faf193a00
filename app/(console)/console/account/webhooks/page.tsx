import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/badge";
import { DataTable } from "@/components/data-table";
import { DescriptionList } from "@/components/description-list";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { loadWebhooks } from "@/lib/webhooks/loaders";
import { CreateWebhookForm } from "./create-webhook-form";
import { SubscriptionActions } from "./subscription-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("title") };
}

/** The caller's webhook subscriptions (docs/decisions/0083): create, the delivery log of each, ping, disable/enable, delete. */
export default async function WebhooksPage() {
  const data = await loadWebhooks();
  const [t, tKind, format] = await Promise.all([getTranslations("webhooks"), getTranslations("enums.designationKind"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" });
  const authorityName = new Map(data.authorities.map((authority) => [authority.id, authority.nameZh]));
  type Sub = (typeof data.rows)[number];
  type Delivery = Sub["deliveries"][number];
  const targetText = (sub: Sub) =>
    `${t(`create.targets.${sub.target}`)} · ${
      sub.target === "AUTHORITY"
        ? (authorityName.get(sub.targetValue) ?? sub.targetValue)
        : sub.target === "SCHOOL"
          ? sub.school
            ? `${sub.school.nameZh}（${sub.school.publicCode}）`
            : t("list.unknownSchool")
          : tKind(sub.targetValue as never)
    }`;
  const outcome = (sub: Sub, delivery: Delivery) => {
    if (delivery.deliveredAt) return <Badge tone="green">{t("log.delivered", { when: when(delivery.deliveredAt) })}</Badge>;
    if (delivery.gaveUpAt) return <Badge tone="red">{t("log.gaveUp", { when: when(delivery.gaveUpAt) })}</Badge>;
    if (!sub.enabled) return <Badge tone="gray">{t("log.paused")}</Badge>;
    if (delivery.attempts > 0 && delivery.nextAttemptAt) return <Badge tone="amber">{t("log.retrying", { when: when(delivery.nextAttemptAt) })}</Badge>;
    return <Badge tone="slate">{t("log.notYet")}</Badge>;
  };
  const columns = (sub: Sub) => [
    {
      key: "event",
      header: t("log.columns.event"),
      cell: (delivery: Delivery) => <code className="font-mono text-xs">{delivery.eventId}</code>,
      rowHeader: true,
    },
    { key: "queuedAt", header: t("log.columns.queuedAt"), cell: (delivery: Delivery) => when(delivery.createdAt), className: "whitespace-nowrap" },
    { key: "attempts", header: t("log.columns.attempts"), cell: (delivery: Delivery) => delivery.attempts },
    {
      key: "status",
      header: t("log.columns.status"),
      cell: (delivery: Delivery) =>
        delivery.lastStatusCode !== null ? String(delivery.lastStatusCode) : delivery.lastError ? t("log.noResponse", { error: delivery.lastError }) : "—",
    },
    { key: "outcome", header: t("log.columns.outcome"), cell: (delivery: Delivery) => outcome(sub, delivery) },
  ];
  return (
    <div className="max-w-5xl space-y-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <p className="text-sm text-slate-700">{t("docsHint")}</p>
      <Panel title={t("create.title")}>
        <CreateWebhookForm
          authorities={data.authorities.map((authority) => ({ value: authority.id, label: authority.nameZh }))}
          atLimit={!data.canCreate}
          max={data.max}
        />
      </Panel>
      <h2 className="text-lg font-semibold">{t("list.title")}</h2>
      {data.rows.length === 0 ? <p className="text-sm text-slate-700">{t("list.none")}</p> : null}
      {data.rows.map((sub) => (
        <Panel key={sub.id} title={t("list.subscription", { target: targetText(sub) })} testId={`webhook-${sub.id}`}>
          <div className="space-y-3">
            {!sub.enabled && sub.disabledAt ? (
              <Notice tone={sub.disabledReason === "FAILING" ? "warning" : "note"}>
                {t(sub.disabledReason === "FAILING" ? "list.failingNotice" : "list.ownerDisabled", { when: when(sub.disabledAt) })}
              </Notice>
            ) : null}
            <DescriptionList
              items={[
                { term: t("list.url"), detail: <code className="break-all font-mono text-sm">{sub.url}</code> },
                { term: t("list.createdAt"), detail: when(sub.createdAt) },
                {
                  term: t("list.status"),
                  detail: sub.enabled ? <Badge tone="green">{t("list.enabled")}</Badge> : <Badge tone="gray">{t("list.disabled")}</Badge>,
                },
              ]}
            />
            <SubscriptionActions id={sub.id} url={sub.url} enabled={sub.enabled} />
            <DataTable
              caption={t("log.caption", { count: sub.deliveries.length })}
              rows={sub.deliveries}
              empty={t("log.none")}
              variant="inset"
              rowProps={(delivery) => ({ "data-testid": `delivery-${delivery.eventId}` })}
              columns={columns(sub)}
            />
          </div>
        </Panel>
      ))}
    </div>
  );
}
