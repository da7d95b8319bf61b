// A signed-in page whose address names nothing (an id no row has, or no id at all): 404, the header stays.
import Link from "next/link";
import { Notice } from "@/components/dashboards/notice";

export default function NotFoundPage() {
  return (
    <Notice title="Không tìm thấy trang" tone="error" testId="not-found">
      Địa chỉ này không dẫn tới dữ liệu nào: có thể dữ liệu đã bị xóa hoặc đường dẫn bị sai.{" "}
      <Link href="/trang-chu" className="font-semibold underline">
        Về trang chủ
      </Link>
    </Notice>
  );
}
