import type { Metadata } from "next";
import Link from "next/link";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { AGENCY_KIND_LABELS, LEVEL_LABELS, LEVELS, STATUS_LABELS } from "@/lib/frameworks/labels";
import { getFramework } from "@/lib/frameworks/queries";
import { frameworkIdSchema } from "@/lib/frameworks/schema";
import { formatYears } from "@/lib/frameworks/versioning";
import { formatDateTime, formatPoints } from "@/lib/format";
import { FrameworkBadges } from "@/components/frameworks/badges";
import { CriteriaTree } from "@/components/frameworks/criteria-tree";
import { FrameworkMetaForm, type FrameworkMetaView } from "@/components/frameworks/framework-meta-form";
import { ComponentsForm, GradeBandsForm, ImportTreeForm } from "@/components/frameworks/table-forms";
import type { FrameworkDetail } from "@/lib/frameworks/types";

export const metadata: Metadata = { title: "Bộ chỉ số" };

type Params = { id: string };
type Search = { "tu-phien-ban"?: string };

const CARD = "rounded-xl border border-slate-200 bg-white p-6 shadow-sm";
const DETAILS_SUMMARY = "cursor-pointer text-sm font-semibold text-brand-700 hover:underline";

export default async function FrameworkPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const { id } = await params;
  const search = await searchParams;
  const parsed = frameworkIdSchema.safeParse(id);
  if (!parsed.success) return <ErrorBox message="Địa chỉ không đúng: mã bộ chỉ số phải là một số." />;
  let f: FrameworkDetail;
  try {
    f = await getFramework(await currentActor(), parsed.data);
  } catch (error) {
    if (error instanceof ForbiddenError) return <ErrorBox message="Bộ chỉ số nội bộ này thuộc tỉnh khác: bạn không có quyền xem." />;
    if (error instanceof NotFoundError) return <ErrorBox message={error.message} />;
    throw error;
  }
  const fromVersion = f.previousVersion && search["tu-phien-ban"] === String(f.previousVersion.id) ? f.previousVersion : null;
  const counts = LEVELS.map((level) => ({ level, count: f.criteria.filter((c) => c.level === level).length })).filter((c) => c.count > 0);
  const target = { frameworkId: f.id, revision: f.revision };

  return (
    <div className="space-y-6">
      <Link href="/bo-chi-so" className="text-sm text-brand-700 hover:underline">
        ← Bộ chỉ số
      </Link>
      <header className="space-y-2">
        <p className="text-sm text-slate-600">
          {f.index.shortName} · phiên bản v{f.version}
          {f.ownerProvinceName ? ` · ${f.ownerProvinceName}` : " · toàn quốc"}
        </p>
        <h1 className="text-2xl font-bold text-brand-900">{f.name}</h1>
        <FrameworkBadges status={f.status} isIllustrative={f.isIllustrative} isDemo={f.isDemo} inUse={f.inUse} />
      </header>

      {fromVersion ? (
        <p role="status" data-testid="new-version-note" className="rounded-lg border border-brand-100 bg-brand-50 p-4 text-sm text-brand-900">
          Đây là phiên bản mới v{f.version} (bản nháp), tạo từ{" "}
          <Link href={`/bo-chi-so/${fromVersion.id}`} className="font-semibold underline">
            phiên bản v{fromVersion.version}
          </Link>{" "}
          vì phiên bản đó đang được dùng trong kỳ đánh giá đã có cơ quan nộp điểm. Thay đổi của bạn đã được lưu ở đây; phiên bản v{fromVersion.version} giữ nguyên.
          Kiểm tra lại năm áp dụng rồi chuyển trạng thái sang Đang áp dụng khi sẵn sàng.
        </p>
      ) : null}
      {f.isIllustrative ? (
        <p className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          <strong>Dữ liệu minh họa:</strong> một phần tiêu chí hoặc điểm tối đa trong bộ này do dự án tự đặt vì nguồn công bố không nêu; không dùng làm căn cứ chính thức.
        </p>
      ) : null}
      {f.inUse && f.canEdit ? (
        <p data-testid="in-use-note" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
          Bộ chỉ số đang được dùng: {f.usedByAssessments} bài đánh giá đã nộp điểm theo phiên bản này. Thêm, xóa, đổi tên, đổi điểm tiêu chí, thành phần hay xếp
          loại sẽ <strong>tạo phiên bản mới (bản nháp)</strong> và giữ nguyên phiên bản này. Sửa hướng dẫn chấm, tài liệu kiểm chứng, tên bộ, ghi chú, năm áp dụng
          hay trạng thái được lưu trực tiếp.
        </p>
      ) : null}

      <section className={CARD}>
        <h2 className="font-semibold">Thông tin chung</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3" data-testid="framework-meta">
          <Item label="Chỉ số">{f.index.nameVi}</Item>
          <Item label="Phạm vi">
            {f.ownerProvinceName ? `Nội bộ tỉnh ${f.ownerProvinceName}${f.agencyKind ? ` · ${AGENCY_KIND_LABELS[f.agencyKind]}` : ""}` : "Toàn quốc (Bộ Nội vụ)"}
          </Item>
          <Item label="Năm áp dụng">{formatYears(f)}</Item>
          <Item label="Văn bản quy định">{f.decision ?? "—"}</Item>
          <Item label="Điểm tối đa">{formatPoints(f.maxScore)}</Item>
          {f.bonusCap > 0 || f.penaltyCap > 0 ? (
            <Item label="Điểm thưởng / điểm trừ tối đa">
              {formatPoints(f.bonusCap)} / {formatPoints(f.penaltyCap)}
            </Item>
          ) : null}
          <Item label="Trạng thái">{STATUS_LABELS[f.status]}</Item>
          <Item label="Phiên bản">
            <span className="flex flex-wrap gap-2">
              {f.versions.map((v) =>
                v.id === f.id ? (
                  <strong key={v.id}>v{v.version}</strong>
                ) : (
                  <Link key={v.id} href={`/bo-chi-so/${v.id}`} className="text-brand-700 hover:underline" title={`${STATUS_LABELS[v.status]}, ${formatYears(v)}`}>
                    v{v.version}
                  </Link>
                ),
              )}
            </span>
          </Item>
          <Item label="Tạo lúc">{formatDateTime(f.createdAt)}</Item>
        </dl>
        {f.note ? <p className="mt-4 text-sm text-slate-700">{f.note}</p> : null}
        {f.canEdit ? (
          <details className="mt-4 border-t border-slate-100 pt-4">
            <summary className={DETAILS_SUMMARY}>Sửa thông tin chung</summary>
            <div className="mt-4">
              <FrameworkMetaForm mode="edit" framework={metaView(f)} />
            </div>
          </details>
        ) : null}
      </section>

      <div className="grid gap-6 md:grid-cols-2">
        <section className={CARD}>
          <h2 className="font-semibold">Thành phần điểm</h2>
          {f.components.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">Không chia thành phần.</p>
          ) : (
            <table className="mt-2 w-full text-sm" data-testid="components">
              <tbody className="divide-y divide-slate-100">
                {f.components.map((c) => (
                  <tr key={c.code}>
                    <td className="py-1.5 pr-3">{c.nameVi}</td>
                    <td className="py-1.5 text-right tabular-nums">{formatPoints(c.maxPoints)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="mt-2 text-xs text-slate-500">{f.componentsAreAdditive ? "Các thành phần cộng lại thành tổng điểm." : "Mỗi thành phần là một tỷ lệ riêng, không cộng dồn."}</p>
          {f.canEdit ? (
            <details className="mt-3">
              <summary className={DETAILS_SUMMARY}>Sửa thành phần</summary>
              <div className="mt-3">
                <ComponentsForm {...target} components={f.components} />
              </div>
            </details>
          ) : null}
        </section>
        <section className={CARD}>
          <h2 className="font-semibold">Xếp loại</h2>
          {f.gradeBands.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">Không xếp loại.</p>
          ) : (
            <table className="mt-2 w-full text-sm" data-testid="grade-bands">
              <tbody className="divide-y divide-slate-100">
                {f.gradeBands.map((b, i) => (
                  <tr key={b.label}>
                    <td className="py-1.5 pr-3 font-medium">{b.label}</td>
                    <td className="py-1.5 text-right tabular-nums">
                      {i === 0 ? `từ ${formatPoints(b.minScore)}` : `từ ${formatPoints(b.minScore)} đến dưới ${formatPoints(f.gradeBands[i - 1].minScore)}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {f.canEdit ? (
            <details className="mt-3">
              <summary className={DETAILS_SUMMARY}>Sửa xếp loại</summary>
              <div className="mt-3">
                <GradeBandsForm {...target} bands={f.gradeBands} />
              </div>
            </details>
          ) : null}
        </section>
      </div>

      <section className={CARD}>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 className="font-semibold">Cây tiêu chí</h2>
            <p className="text-sm text-slate-600" data-testid="tree-counts">
              {counts.length === 0 ? "Chưa có tiêu chí." : counts.map((c) => `${c.count} ${LEVEL_LABELS[c.level].toLowerCase()}`).join(" · ")}
            </p>
          </div>
          <div className="no-print flex flex-wrap gap-2 text-sm">
            {f.canEdit && f.criteria.length > 0 ? (
              <Link href={`/bo-chi-so/${f.id}/sua-diem`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
                Sửa điểm tối đa
              </Link>
            ) : null}
            <a href={`/api/v1/frameworks/${f.id}/export?format=csv`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100" data-testid="export-csv">
              Xuất CSV
            </a>
            <a href={`/api/v1/frameworks/${f.id}/export?format=xlsx`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100" data-testid="export-xlsx">
              Xuất XLSX
            </a>
          </div>
        </div>
        {f.issues.length > 0 ? (
          <div data-testid="tree-issues" className={`mt-4 rounded-lg border p-4 text-sm ${f.status === "DRAFT" ? "border-amber-200 bg-amber-50 text-amber-900" : "border-red-200 bg-red-50 text-red-800"}`}>
            <p className="font-semibold">{f.status === "DRAFT" ? "Cây tiêu chí chưa hoàn chỉnh (bản nháp):" : "Cây tiêu chí chưa khớp điểm:"}</p>
            <ul className="mt-1 list-inside list-disc">
              {f.issues.map((issue, i) => (
                <li key={i}>{issue.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {f.canEdit ? (
          <details className="no-print mt-4 rounded-lg border border-slate-200 p-4">
            <summary className={DETAILS_SUMMARY}>Nhập cây tiêu chí từ tệp CSV/XLSX</summary>
            <div className="mt-3">
              <ImportTreeForm {...target} />
            </div>
          </details>
        ) : null}
        <div className="mt-4">
          <CriteriaTree frameworkId={f.id} revision={f.revision} criteria={f.criteria} canEdit={f.canEdit} />
        </div>
      </section>
    </div>
  );
}

function metaView(f: FrameworkDetail): FrameworkMetaView {
  const { id, revision, index, ownerProvinceId, agencyKind, name, decision, validFromYear, validToYear, maxScore, bonusCap, penaltyCap, status, note } = f;
  return { id, revision, index, ownerProvinceId, agencyKind, name, decision, validFromYear, validToYear, maxScore, bonusCap, penaltyCap, status, note, componentsAreAdditive: f.componentsAreAdditive, isIllustrative: f.isIllustrative };
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-900">{children}</dd>
    </div>
  );
}

function ErrorBox({ message }: { message: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-800">
      {message}{" "}
      <Link href="/bo-chi-so" className="font-semibold underline">
        Xem danh sách bộ chỉ số
      </Link>
    </div>
  );
}
