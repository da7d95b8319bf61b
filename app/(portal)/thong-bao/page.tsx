import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { getFormat, requestLocale } from "@/lib/i18n/server";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { listNotifications } from "@/lib/notifications/queries";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FilterField, filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications.page"))("title") };
}

/** The signed-in user's notifications, newest first, filtered by kind. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap?next=/thong-bao");
  const [sp, t, tk, format, locale] = await Promise.all([
    searchParams,
    getTranslations("notifications.page"),
    getTranslations("notifications.kinds"),
    getFormat(),
    requestLocale(),
  ]);
  const kind = NOTIFICATION_KINDS.find((k) => k === sp.loai);
  const rows = await listNotifications(actor, locale, kind);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        actions={
          rows.some((n) => !n.read) ? (
            <form action={markNotificationsReadAction}>
              <Button type="submit" variant="secondary" data-testid="mark-all-read">
                {t("markAllRead")}
              </Button>
            </form>
          ) : null
        }
      />
      <form method="get" className="flex flex-wrap items-end gap-3">
        <FilterField label={t("kind")}>
          <select name="loai" defaultValue={kind ?? ""} className={filterInputClass}>
            <option value="">{t("allKinds")}</option>
            {NOTIFICATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {tk(k)}
              </option>
            ))}
          </select>
        </FilterField>
        <Button type="submit" variant="secondary">
          {t("filter")}
        </Button>
      </form>
      {rows.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white" data-testid="notifications">
          {rows.map((n) => (
            <li key={n.id} className={`flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3 ${n.read ? "" : "bg-brand-50"}`}>
              {!n.read && <Badge tone="info">{t("unread")}</Badge>}
              <Link href={n.link} className="font-medium text-slate-900 hover:text-brand-700">
                {n.title}
              </Link>
              <span className="ml-auto text-xs text-slate-500">
                {tk(n.kind as (typeof NOTIFICATION_KINDS)[number])} · {format.dateTime(n.createdAt)}
              </span>
              {!n.read && (
                <form action={markNotificationsReadAction}>
                  <input type="hidden" name="id" value={n.id} />
                  <Button type="submit" variant="secondary">
                    {t("markRead")}
                  </Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
