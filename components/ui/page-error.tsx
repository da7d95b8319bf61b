"use client";
// What a page shows when rendering it failed on the server. Production never sends the server's
// error to the browser (no message, no stack), so the page asks /api/health whether the database
// is the cause and says so plainly; the "Thử lại" button re-renders the page once it is back.
import Link from "next/link";
import { useEffect, useState } from "react";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/unavailable";

type Cause = "checking" | "database" | "other";

export function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const [cause, setCause] = useState<Cause>("checking");
  // Checked again for every new error (after "Thử lại" failed, the cause may have changed).
  useEffect(() => {
    let live = true;
    setCause("checking");
    fetch("/api/health", { cache: "no-store" })
      .then((response) => live && setCause(response.status === 503 ? "database" : "other"))
      .catch(() => live && setCause("other"));
    return () => {
      live = false;
    };
  }, [error]);
  return (
    <section data-testid="page-error" data-cause={cause} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-bold text-brand-900">
        {cause === "database" ? "Hệ thống đang tạm gián đoạn" : "Không tải được trang"}
      </h1>
      <p className="mt-3 text-slate-700">
        {cause === "database"
          ? DATABASE_UNAVAILABLE_MESSAGE
          : cause === "checking"
            ? "Đang kiểm tra kết nối tới máy chủ…"
            : "Đã xảy ra lỗi khi tải trang. Vui lòng thử lại; nếu lỗi vẫn còn, báo cho quản trị hệ thống."}
      </p>
      {cause === "database" ? (
        <p className="mt-2 text-sm text-slate-600">Dữ liệu đã lưu không bị mất. Bấm &quot;Thử lại&quot; khi hệ thống hoạt động trở lại.</p>
      ) : null}
      <div className="mt-5 flex flex-wrap gap-3">
        <button type="button" onClick={() => retry()} className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700">
          Thử lại
        </button>
        <Link href="/" className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
          Về trang chủ
        </Link>
      </div>
    </section>
  );
}
