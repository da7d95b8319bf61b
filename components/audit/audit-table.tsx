// The rows of the audit log: when (Vietnam time), who, what, on which record, and the values
// before and after. Server component: the page passes plain objects from lib/audit/queries.
import type { AuditRowView } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format";

export function AuditTable({ rows }: { rows: AuditRowView[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="audit-table">
        <caption className="sr-only">Nhật ký thay đổi dữ liệu</caption>
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 whitespace-nowrap">Thời điểm</th>
            <th scope="col" className="px-3 py-2">Người thực hiện</th>
            <th scope="col" className="px-3 py-2">Thao tác</th>
            <th scope="col" className="px-3 py-2">Đối tượng</th>
            <th scope="col" className="px-3 py-2">Giá trị cũ → giá trị mới</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="align-top" data-action={row.action} data-entity={row.entityType}>
              <td className="px-3 py-2 whitespace-nowrap">
                <time dateTime={row.at.toISOString()}>{formatDateTime(row.at)}</time>
              </td>
              <td className="px-3 py-2">
                {row.actorName ? <div className="font-medium text-slate-900">{row.actorName}</div> : null}
                <div className="text-xs text-slate-500">{row.actorEmail}</div>
              </td>
              <td className="px-3 py-2">
                {row.actionLabel}
                {row.actionLabel !== row.action ? <div className="text-xs text-slate-500">{row.action}</div> : null}
              </td>
              <td className="px-3 py-2">
                {row.entityLabel} <span className="text-slate-500">#{row.entityId}</span>
                {row.provinceName ? <div className="text-xs text-slate-500">{row.provinceName}</div> : null}
              </td>
              <td className="px-3 py-2" data-testid="audit-changes">
                {row.changes.changes.length > 0 ? (
                  <ul className="space-y-0.5">
                    {row.changes.changes.map((change) => (
                      <li key={change.field}>
                        {change.field ? <span className="font-medium text-slate-700">{change.field}: </span> : null}
                        <del className="text-red-700 decoration-red-300">{change.old}</del> <span aria-hidden>→</span>
                        <span className="sr-only">thành</span> <ins className="text-emerald-800 no-underline">{change.new}</ins>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-slate-500">Không có giá trị thay đổi.</span>
                )}
                {row.changes.context.length > 0 ? (
                  <div className="mt-1 text-xs text-slate-500">{row.changes.context.map((c) => `${c.field}: ${c.value}`).join(" · ")}</div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
