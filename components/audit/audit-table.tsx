// The rows of the audit log: when (Vietnam time), who, what, on which record, and the values
// before and after. Server component: the page passes plain objects from lib/audit/queries.
import { useTranslations } from "next-intl";
import type { AuditRowView } from "@/lib/audit/queries";
import { useFormat } from "@/lib/i18n/client";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";

export function AuditTable({ rows }: { rows: AuditRowView[] }) {
  const t = useTranslations("audit.table");
  const format = useFormat();
  return (
    <DataTable data-testid="audit-table">
      <caption className="sr-only">{t("caption")}</caption>
      <THead>
        <Th className="whitespace-nowrap">{t("at")}</Th>
        <Th>{t("actor")}</Th>
        <Th>{t("action")}</Th>
        <Th>{t("entity")}</Th>
        <Th>{t("changes")}</Th>
      </THead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.id} data-action={row.action} data-entity={row.entityType}>
            <Td className="whitespace-nowrap">
              <time dateTime={row.at.toISOString()}>{format.dateTime(row.at)}</time>
            </Td>
            <Td>
              {row.actorName ? <div className="font-medium text-slate-900">{row.actorName}</div> : null}
              <div className="text-xs text-slate-500">{row.actorEmail}</div>
            </Td>
            <Td>
              {row.actionLabel}
              {row.actionLabel !== row.action ? <div className="text-xs text-slate-500">{row.action}</div> : null}
            </Td>
            <Td>
              {row.entityLabel} <span className="text-slate-500">#{row.entityId}</span>
              {row.provinceName ? <div className="text-xs text-slate-500">{row.provinceName}</div> : null}
            </Td>
            <Td data-testid="audit-changes">
              {row.changes.changes.length > 0 ? (
                <ul className="space-y-0.5">
                  {row.changes.changes.map((change) => (
                    <li key={change.field}>
                      {change.field ? <span className="font-medium text-slate-700">{change.field}: </span> : null}
                      <del className="text-red-700 decoration-red-300">{change.old}</del> <span aria-hidden>→</span>
                      <span className="sr-only">{t("becomes")}</span> <ins className="text-emerald-800 no-underline">{change.new}</ins>
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="text-slate-500">{t("noChanges")}</span>
              )}
              {row.changes.context.length > 0 ? (
                <div className="mt-1 text-xs text-slate-500">{row.changes.context.map((c) => `${c.field}: ${c.value}`).join(" · ")}</div>
              ) : null}
            </Td>
          </tr>
        ))}
      </TBody>
    </DataTable>
  );
}
