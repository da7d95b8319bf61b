// A signed-in page of data the permission table does not open to this user (lib/auth/policy.ts): 403.
import Link from "next/link";
import { Notice } from "@/components/dashboards/notice";

export default function ForbiddenPage() {
  return (
    <Notice title="Không có quyền xem trang này" tone="error" testId="forbidden">
      Dữ liệu này thuộc cơ quan, đơn vị hoặc tỉnh khác với phạm vi của tài khoản bạn.{" "}
      <Link href="/trang-chu" className="font-semibold underline">
        Về trang chủ
      </Link>
    </Notice>
  );
}
