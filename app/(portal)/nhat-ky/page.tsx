import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuditTable } from "@/components/audit/audit-table";
import { currentActor } from "@/lib/auth/actor";
import { listAudit } from "@/lib/audit/queries";
import { auditFiltersSchema, type AuditFilters } from "@/lib/audit/schema";
import { formatInteger } from "@/lib/format";

export const metadata: Metadata = { title: "Nhật ký thay đổi" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const field = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** The query string of the filters (and a page), for links that keep them. */
function query(filters: AuditFilters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, page: undefined, ...extra })) if (value !== undefined && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export default async function AuditLogPage({ searchParams }: { searchParams: Search }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap?next=/nhat-ky");
  const raw = await searchParams;
  const parsed = auditFiltersSchema.safeParse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, one(value)])));
  const filters: AuditFilters = parsed.success ? parsed.data : {};
  let log;
  try {
    log = await listAudit(actor, filters);
  } catch (error) {
    if ((error as { status?: number }).status === 403) {
      return (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-800" data-testid="audit-forbidden">
          Nhật ký thay đổi dành cho cán bộ Sở Nội vụ (dữ liệu của tỉnh mình) và quản trị hệ thống: bạn không có quyền xem
          {filters.provinceId ? " nhật ký của tỉnh đã chọn" : " trang này"}.{" "}
          <Link href="/trang-chu" className="font-semibold underline">
            Về trang làm việc
          </Link>
        </div>
      );
    }
    throw error;
  }
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-brand-900">Nhật ký thay đổi</h1>
        <p className="text-slate-600">
          Mọi thay đổi dữ liệu: ai, lúc nào (giờ Việt Nam), thao tác gì, trên đối tượng nào, giá trị cũ và mới.{" "}
          {log.scope ? <>Phạm vi: {log.scope}.</> : <>Phạm vi: toàn quốc.</>}
        </p>
      </div>

      {!parsed.success ? (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="audit-filter-error">
          Bộ lọc không hợp lệ, đang hiện toàn bộ nhật ký: {parsed.error.issues.map((i) => i.message).join(" ")}
        </p>
      ) : null}

      <form method="get" className="no-print grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-6" role="search" data-testid="audit-filters">
        <div className="sm:col-span-2">
          <label htmlFor="user" className="text-sm font-medium text-slate-700">
            Người thực hiện
          </label>
          <select id="user" name="user" defaultValue={filters.user ?? ""} className={field}>
            <option value="">Tất cả</option>
            {log.options.users.map((u) => (
              <option key={u.email} value={u.email}>
                {u.name ? `${u.name} (${u.email})` : u.email}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entity" className="text-sm font-medium text-slate-700">
            Loại đối tượng
          </label>
          <select id="entity" name="entity" defaultValue={filters.entity ?? ""} className={field}>
            <option value="">Tất cả</option>
            {log.options.entities.map((e) => (
              <option key={e.value} value={e.value}>
                {e.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entityId" className="text-sm font-medium text-slate-700">
            Mã đối tượng
          </label>
          <input id="entityId" name="entityId" defaultValue={filters.entityId ?? ""} placeholder="ví dụ 125" className={field} />
        </div>
        <div>
          <label htmlFor="from" className="text-sm font-medium text-slate-700">
            Từ ngày
          </label>
          <input id="from" name="from" type="date" defaultValue={filters.from ?? ""} className={field} />
        </div>
        <div>
          <label htmlFor="to" className="text-sm font-medium text-slate-700">
            Đến ngày
          </label>
          <input id="to" name="to" type="date" defaultValue={filters.to ?? ""} className={field} />
        </div>
        {log.options.provinces.length > 1 ? (
          <div className="sm:col-span-2">
            <label htmlFor="provinceId" className="text-sm font-medium text-slate-700">
              Tỉnh, thành phố
            </label>
            <select id="provinceId" name="provinceId" defaultValue={filters.provinceId ?? ""} className={field}>
              <option value="">{log.scope ? "Tỉnh mình và các đơn vị trước sáp nhập" : "Tất cả"}</option>
              {log.options.provinces.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="flex flex-wrap items-center gap-3 sm:col-span-6">
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
            Lọc
          </button>
          {filtered ? (
            <Link href="/nhat-ky" className="text-sm text-brand-700 hover:underline">
              Bỏ lọc
            </Link>
          ) : null}
          <span className="ml-auto flex gap-2 text-sm">
            <a href={`/api/v1/audit/export${query(filters, { format: "xlsx" })}`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100" data-testid="audit-export-xlsx">
              Tải XLSX
            </a>
            <a href={`/api/v1/audit/export${query(filters, { format: "csv" })}`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100" data-testid="audit-export-csv">
              Tải CSV
            </a>
          </span>
        </div>
      </form>

      <p className="text-sm text-slate-600" data-testid="audit-count">
        {log.total === 0 ? "Không có thay đổi nào khớp bộ lọc." : `${formatInteger(log.total)} thay đổi${log.pageCount > 1 ? `, trang ${log.page}/${log.pageCount}` : ""}, mới nhất trước.`}
      </p>
      {log.rows.length > 0 ? <AuditTable rows={log.rows} /> : null}

      {log.pageCount > 1 ? (
        <nav aria-label="Phân trang nhật ký" className="no-print flex items-center gap-3 text-sm">
          {log.page > 1 ? (
            <Link href={`/nhat-ky${query(filters, { page: log.page - 1 })}`} className="text-brand-700 hover:underline">
              ← Mới hơn
            </Link>
          ) : null}
          {log.page < log.pageCount ? (
            <Link href={`/nhat-ky${query(filters, { page: log.page + 1 })}`} className="text-brand-700 hover:underline">
              Cũ hơn →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
