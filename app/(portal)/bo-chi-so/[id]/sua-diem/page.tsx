import type { Metadata } from "next";
import Link from "next/link";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getFramework } from "@/lib/frameworks/queries";
import { frameworkIdSchema } from "@/lib/frameworks/schema";
import { formatPoints } from "@/lib/format";
import { PointsEditor } from "@/components/frameworks/points-editor";
import type { FrameworkDetail } from "@/lib/frameworks/types";

export const metadata: Metadata = { title: "Sửa điểm tối đa" };

export default async function EditPointsPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = frameworkIdSchema.safeParse((await params).id);
  let f: FrameworkDetail | null = null;
  let problem: string | null = parsed.success ? null : "Địa chỉ không đúng: mã bộ chỉ số phải là một số.";
  if (parsed.success) {
    try {
      f = await getFramework(await currentActor(), parsed.data);
      if (!f.canEdit) problem = "Chỉ quản trị hệ thống được sửa điểm tối đa của bộ chỉ số.";
    } catch (error) {
      if (error instanceof ForbiddenError) problem = "Bộ chỉ số nội bộ này thuộc tỉnh khác: bạn không có quyền xem.";
      else if (error instanceof NotFoundError) problem = error.message;
      else throw error;
    }
  }
  if (!f || problem) {
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-800">
        {problem}{" "}
        <Link href="/bo-chi-so" className="font-semibold underline">
          Xem danh sách bộ chỉ số
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <Link href={`/bo-chi-so/${f.id}`} className="text-sm text-brand-700 hover:underline">
        ← {f.name} (v{f.version})
      </Link>
      <div>
        <h1 className="text-2xl font-bold text-brand-900">Sửa điểm tối đa</h1>
        <p className="text-slate-600">
          Nhập điểm tối đa của các mục cuối cùng; điểm của lĩnh vực và tiêu chí có mục con luôn bằng tổng các mục con. Mọi thay đổi được lưu trong một lần,
          nên có thể chuyển điểm giữa các tiêu chí mà tổng vẫn là {formatPoints(f.maxScore)}.
        </p>
        {f.inUse ? (
          <p className="mt-2 text-sm font-medium text-brand-900">Phiên bản này đang được dùng: thay đổi sẽ được lưu vào một phiên bản mới (bản nháp).</p>
        ) : null}
      </div>
      <PointsEditor frameworkId={f.id} revision={f.revision} criteria={f.criteria} maxScore={f.maxScore} requireTotal={f.status !== "DRAFT" && !f.inUse} />
    </div>
  );
}
